import type { Sector } from "@/server/db/generated/enums";

/** How a person is named in conversations, the feed and notifications. */
export function displayName(person: { name: string | null } | null | undefined): string {
  return person?.name?.trim() || "A member";
}

export const authorSelect = {
  id: true,
  name: true,
  organisation: { select: { name: true, sector: true } },
} as const;

export type AuthorRow = { id: string; name: string | null; organisation: { name: string; sector: Sector } | null };

export function shapeAuthor(author: AuthorRow) {
  return { id: author.id, name: displayName(author), organisation: author.organisation };
}
