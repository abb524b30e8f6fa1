import { randomBytes } from "node:crypto";

/**
 * A random id (never derived from names or people): for object keys, and for rows written
 * in raw SQL, where Prisma's client-side @default(cuid()) does not run. 128 random bits as
 * 25 lower-case letters and digits, the same length and alphabet as Prisma's cuids, so ids
 * read alike whichever way a row was written (in URLs, exports and open grants data).
 */
export function createId(): string {
  return BigInt(`0x${randomBytes(16).toString("hex")}`).toString(36).padStart(25, "0");
}
