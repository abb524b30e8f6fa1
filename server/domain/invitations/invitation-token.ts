import { createHash, randomBytes } from "node:crypto";

/** A new invitation token: sent in the link, never stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
