import { z } from "zod";

export const partnershipSlug = z
  .string()
  .trim()
  .min(1, "Choose a partnership")
  .max(80, "That partnership address is too long")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A partnership address uses lower-case letters, numbers and dashes");

/** Input of every procedure that acts within one partnership. */
export const partnershipRefInput = z.object({ partnershipSlug });
export type PartnershipRefInput = z.infer<typeof partnershipRefInput>;
