import { randomBytes } from "node:crypto";

/** A random, URL-safe id for object keys (never derived from names or people). */
export function createId(): string {
  return randomBytes(18).toString("base64url");
}
