import type { Database } from "@/server/db/client";
import { DEMO_ADDRESSES } from "@/server/domain/demo/demo-addresses";

/**
 * The most recent emails held in the developer outbox. In demo mode (`demoOnly`), only
 * those to the seeded demo people: never mail to anyone else, whatever is stored.
 */
export function listOutbox(db: Database, limit = 50, options: { demoOnly?: boolean } = {}) {
  return db.outboxEmail.findMany({
    where: options.demoOnly ? { to: { in: [...DEMO_ADDRESSES] } } : undefined,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}
