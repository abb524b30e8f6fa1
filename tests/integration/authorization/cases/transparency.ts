import { PERSONAS } from "../fixture";
import type { AuthorizationCases } from "../case";

/**
 * The public page is open to everyone, signed in or not (the fixture's other partnership
 * publishes its portfolio); only the partnership's officers choose whether to publish.
 */
export const transparencyCases: AuthorizationCases = {
  "transparency.portfolio": { input: (f) => ({ partnershipSlug: f.otherPartnership.slug }), allow: PERSONAS },
  "transparency.openGrants": { input: (f) => ({ partnershipSlug: f.otherPartnership.slug }), allow: PERSONAS },
  "transparency.setPublished": { input: (f) => ({ partnershipSlug: f.partnership.slug, published: true }), allow: ["officer"] },
};
