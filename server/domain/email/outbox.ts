import type { Database } from "@/server/db/client";

/** The most recent emails held in the developer outbox. */
export function listOutbox(db: Database, limit = 50) {
  return db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
