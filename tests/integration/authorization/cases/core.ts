import { PARTNERSHIP_MEMBERS, SIGNED_IN, type AuthorizationCases } from "../case";

export const coreCases: AuthorizationCases = {
  "system.ping": { allow: ["anonymous", ...SIGNED_IN] },
  "me.profile": { allow: SIGNED_IN },
  "partnership.mine": { allow: SIGNED_IN },
  "partnership.overview": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
};
