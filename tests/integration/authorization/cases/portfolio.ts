import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";
import type { Persona } from "../fixture";

/**
 * The partnership's dashboard is for its officers and chairs; a sub-group's is also for
 * the sub-group's own people (its lead and `member`, not `otherSubGroupMember`); everyone
 * in the partnership has their own "My work".
 */
const steering: readonly Persona[] = ["officer"];
/** The demoted lead is still on sub-group A's list: they read what it shares. */
const subGroupReaders: readonly Persona[] = ["member", "subGroupLead", "officer", "demotedLead"];

export const portfolioCases: AuthorizationCases = {
  "portfolio.overview": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: steering },
  "portfolio.subGroup": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: subGroupReaders },
  "portfolio.myWork": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
};
