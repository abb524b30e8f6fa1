import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id, multiLine, singleLine } from "./text";

/** Partnership roles, most responsibility first (the order the role pickers show). */
export const MEMBERSHIP_ROLES = ["OFFICER", "CHAIR", "MEMBER", "OBSERVER"] as const;
export const membershipRole = z.enum(MEMBERSHIP_ROLES, { error: "Choose a role from the list" });

const requiredText = (label: string, max: number) =>
  singleLine({ error: `Enter ${label}` })
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

/** Optional text (it may span lines): an empty box is stored as nothing (null). */
const optionalText = (label: string, max: number) =>
  multiLine()
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
    .nullish()
    .transform((value) => (value ? value : null));

export const updatePartnershipInput = z.object({
  partnershipSlug,
  name: requiredText("the partnership's name", 200),
  area: optionalText("the area", 200),
  description: optionalText("the description", 2_000),
  welcomeText: optionalText("the welcome text", 1_000),
});
export type UpdatePartnershipInput = z.infer<typeof updatePartnershipInput>;

const localityName = requiredText("the locality's name", 100);

export const addLocalityInput = z.object({ partnershipSlug, name: localityName });
export const renameLocalityInput = z.object({ localityId: id, name: localityName });
export const removeLocalityInput = z.object({ localityId: id });

export const changeRoleInput = z.object({ membershipId: id, role: membershipRole });
export const removeMemberInput = z.object({ membershipId: id });
