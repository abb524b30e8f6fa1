import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";
import type { Persona } from "../fixture";

/**
 * Sub-group A needs approval to join; `member` and `spare` are in it and `subGroupLead`
 * leads it; `requester` (not a persona) has a pending request. Officers act through their
 * partnership role; `otherSubGroupMember` leads sub-group B only, so has no say in A. The
 * demoted lead is still recorded as a lead of A but observes: they may only leave it.
 */
const steering: readonly Persona[] = ["officer"];
const leadsAndOfficers: readonly Persona[] = ["subGroupLead", "officer"];
const participants: readonly Persona[] = ["member", "otherSubGroupMember", "subGroupLead", "officer"];

export const subGroupsCases: AuthorizationCases = {
  "subGroup.list": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  "subGroup.get": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: PARTNERSHIP_MEMBERS },
  "subGroup.create": {
    input: (f) => ({
      priorityAreaId: f.priorityArea.id,
      name: "Carers C",
      purpose: "Test a carers' emergency plan",
      joinPolicy: "OPEN",
      leadUserIds: [f.people.member.id, f.people.officer.id],
    }),
    allow: steering,
  },
  "subGroup.update": {
    input: (f) => ({ subGroupId: f.subGroupA.id, name: "Carers A", purpose: "Test short breaks and respite", joinPolicy: "APPROVAL" }),
    allow: leadsAndOfficers,
  },
  "subGroup.archive": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: steering },
  // member and subGroupLead are refused as already members (CONFLICT), after the policy.
  "subGroup.join": { input: (f) => ({ subGroupId: f.subGroupA.id, message: "I would like to help" }), allow: participants },
  // Observers may leave too: the demoted lead is on A's list.
  "subGroup.leave": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: ["member", "subGroupLead", "demotedLead"] },
  // The request is requester's: everyone else is refused with PRECONDITION_FAILED, after the policy.
  "subGroup.withdrawRequest": { input: (f) => ({ joinRequestId: f.joinRequest.id }), allow: participants },
  "subGroup.pendingRequests": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: leadsAndOfficers },
  "subGroup.decideRequest": {
    input: (f) => ({ joinRequestId: f.joinRequest.id, decision: "APPROVE", note: "Welcome!" }),
    allow: leadsAndOfficers,
  },
  "subGroup.removeMember": { input: (f) => ({ subGroupId: f.subGroupA.id, userId: f.people.spare.id }), allow: leadsAndOfficers },
  "subGroup.setMemberRole": {
    input: (f) => ({ subGroupId: f.subGroupA.id, userId: f.people.member.id, role: "LEAD" }),
    allow: leadsAndOfficers,
  },
};
