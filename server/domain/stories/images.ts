import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";

/**
 * The uploaded images a story may show: its own files (owner STORY) whose current version is
 * an image. A body naming any other file (another story's, a proposal's) shows nothing for
 * it, so a story can never become a way to display a file its readers may not download.
 */
export async function storyOwnImages(db: Database | Prisma.TransactionClient, storyId: string): Promise<Set<string>> {
  const files = await db.storedFile.findMany({
    where: { ownerKind: "STORY", ownerId: storyId, currentVersion: { mimeType: { startsWith: "image/" } } },
    select: { id: true },
  });
  return new Set(files.map((file) => file.id));
}
