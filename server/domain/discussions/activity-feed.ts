import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { displayName } from "./people";
import { safeLinkPath } from "@/lib/paths";

export const ACTIVITY_PAGE_SIZE = 30;

/**
 * What changed in a sub-group, newest first, 30 at a time. `cursor` is the id of the
 * last entry of the previous page (the page's `nextCursor`).
 */
export async function listActivity(db: Database, subGroupId: string, cursor?: string | null) {
  let after: Prisma.ActivityWhereInput = {};
  if (cursor) {
    const last = await db.activity.findFirst({ where: { id: cursor, subGroupId }, select: { id: true, createdAt: true } });
    if (!last) throw new AppError("BAD_REQUEST", "That page of the activity feed is no longer available. Start from the newest.");
    after = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const rows = await db.activity.findMany({
    where: { subGroupId, ...after },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACTIVITY_PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      summary: true,
      linkPath: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, ACTIVITY_PAGE_SIZE);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      summary: row.summary,
      linkPath: safeLinkPath(row.linkPath),
      createdAt: row.createdAt,
      actor: row.actor ? { id: row.actor.id, name: displayName(row.actor) } : null,
    })),
    nextCursor: rows.length > ACTIVITY_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
