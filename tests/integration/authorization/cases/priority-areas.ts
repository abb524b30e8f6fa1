import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";
import type { Persona } from "../fixture";

/** Priority areas are read by everyone in the partnership and shaped by its steering roles. */
const steering: readonly Persona[] = ["officer"];
const slug = (f: { partnership: { slug: string } }) => ({ partnershipSlug: f.partnership.slug });

export const priorityAreasCases: AuthorizationCases = {
  "priorityArea.list": { input: (f) => ({ ...slug(f), includeArchived: true }), allow: PARTNERSHIP_MEMBERS },
  "priorityArea.create": {
    input: (f) => ({
      ...slug(f),
      title: "Mental health and wellbeing",
      description: "Early support close to home",
      outcomesSought: "Fewer people reach crisis",
    }),
    allow: steering,
  },
  "priorityArea.update": {
    input: (f) => ({
      priorityAreaId: f.priorityArea.id,
      title: "Unpaid carers",
      description: "Support for unpaid carers",
      outcomesSought: "More carers get a break",
    }),
    allow: steering,
  },
  // The only area cannot move: a clear refusal after the policy let the officer in.
  "priorityArea.move": { input: (f) => ({ priorityAreaId: f.priorityArea.id, direction: "up" }), allow: steering },
  "priorityArea.archive": { input: (f) => ({ priorityAreaId: f.priorityArea.id }), allow: steering },
  // Not archived: refused as a business rule, after the policy.
  "priorityArea.restore": { input: (f) => ({ priorityAreaId: f.priorityArea.id }), allow: steering },
  "priorityArea.candidateLeads": { input: slug, allow: steering },
};
