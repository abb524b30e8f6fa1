import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { MEMBERSHIP_ROLES, membershipRole } from "./partnership-admin";
import { id, singleLine } from "./text";

/** Email addresses are compared and stored in lower case. */
export const invitationEmail = singleLine({ error: "Enter an email address" })
  .min(1, "Enter an email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter an email address like name@example.org"))
  .transform((value) => value.toLowerCase());

export const createInvitationInput = z.object({ partnershipSlug, email: invitationEmail, role: membershipRole });
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

export const invitationRefInput = z.object({ invitationId: id });

/** The token from an invitation link. Anything else is simply "not valid". */
export const invitationTokenInput = z.object({ token: singleLine().min(1).max(200) });

export const INVITATION_STATUSES = ["valid", "expired", "used", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** What anyone holding an invitation link may learn about it (nothing at all for an unknown token). */
export const invitationPreviewOutput = z.discriminatedUnion("status", [
  z.object({ status: z.literal("invalid") }),
  z.object({
    status: z.enum(INVITATION_STATUSES),
    partnershipName: z.string(),
    partnershipSlug: z.string(),
    inviterName: z.string(),
    role: z.enum(MEMBERSHIP_ROLES),
    /** The invited address, partly hidden (j***@example.org), so people can tell which account to use. */
    emailHint: z.string(),
    expiresAt: z.date(),
  }),
]);
export type InvitationPreview = z.infer<typeof invitationPreviewOutput>;
