import { DEMO_EMAILS } from "@/prisma/seed/demo-data";

/**
 * The demo people's addresses: exactly the ones the demo seed creates (all on made-up
 * `.example` domains), compared in lower case. In demo mode, only mail to these is kept
 * in the outbox and shown on /dev/outbox, so a demo can never hand out a real account.
 */
export const DEMO_ADDRESSES: readonly string[] = [...DEMO_EMAILS];

export function isDemoAddress(address: string): boolean {
  return DEMO_EMAILS.has(address.trim().toLowerCase());
}
