import type { Database } from "@/server/db/client";
import { DEMO_ADDRESSES, isDemoAddress } from "@/server/domain/demo/demo-addresses";

/**
 * The most recent emails held in the developer outbox. In demo mode (`demoOnly`), only
 * those to the demo people and the reserved .example domain (see demo-addresses.ts): never
 * mail to anyone else, whatever is stored.
 */
export async function listOutbox(db: Database, limit = 50, options: { demoOnly?: boolean } = {}) {
  const emails = await db.outboxEmail.findMany({
    where: options.demoOnly
      ? { OR: [{ to: { in: [...DEMO_ADDRESSES] } }, { to: { endsWith: ".example", mode: "insensitive" } }] }
      : undefined,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return options.demoOnly ? emails.filter((email) => isDemoAddress(email.to)) : emails;
}
