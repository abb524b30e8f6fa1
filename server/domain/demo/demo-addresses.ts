import { DEMO_EMAILS } from "@/prisma/seed/demo-data";

/**
 * The addresses a demo may show mail for: the demo people the seed creates, and anyone on
 * the reserved `.example` top-level domain (RFC 2606: it can never be registered, so no
 * real person receives mail there; demos invite new people at such addresses). In demo
 * mode, only mail to these is kept in the outbox and shown on /dev/outbox, so a demo can
 * never hand out a real account.
 */
export const DEMO_ADDRESSES: readonly string[] = [...DEMO_EMAILS];

const RESERVED_DOMAIN = /@([a-z0-9-]+\.)*example$/;

export function isDemoAddress(address: string): boolean {
  const normalised = address.trim().toLowerCase();
  return DEMO_EMAILS.has(normalised) || RESERVED_DOMAIN.test(normalised);
}
