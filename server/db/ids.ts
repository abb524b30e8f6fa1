import { randomBytes } from "node:crypto";

/**
 * A random, URL-safe id (never derived from names or people): for object keys, and for rows
 * written in raw SQL, where Prisma's client-side @default(cuid()) does not run.
 */
export function createId(): string {
  return randomBytes(18).toString("base64url");
}
