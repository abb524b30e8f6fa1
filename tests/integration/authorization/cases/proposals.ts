import type { AuthorizationCases } from "../case";

/**
 * Proposals. In the fixture `member` is the lead author of both proposals (with `spare` as
 * co-author); `member` and `subGroupLead` are in sub-group A, where the proposals live;
 * `otherSubGroupMember` sits on the round's panel, so reads the proposal under assessment
 * but not the draft. The demoted lead's rows say they lead A, co-write the draft, sit on the
 * panel and lead `demotedDraft` (co-written by `member`): they read all of these and write
 * none. The removed member co-writes the draft and is on A's list, and sees nothing.
 * Inputs are chosen so allowed personas reach the domain rules.
 */
const subGroupReaders = ["member", "subGroupLead", "officer", "demotedLead"] as const;
const subGroupPeople = ["member", "subGroupLead"] as const;
const participants = ["member", "otherSubGroupMember", "subGroupLead", "officer"] as const;
const draftReaders = ["member", "subGroupLead", "officer", "demotedLead"] as const;
const panelReaders = ["member", "otherSubGroupMember", "subGroupLead", "officer", "demotedLead"] as const;
const demotedDraft = "the demoted lead's draft";
const commenters = ["member", "subGroupLead", "officer"] as const;
const authors = ["member"] as const;
const leadAuthor = ["member"] as const;

export const proposalsCases: AuthorizationCases = {
  "proposal.forSubGroup": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: subGroupReaders },
  // The start form's list: for those who may start one (officers too), not the demoted lead.
  "proposal.openRounds": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: ["member", "subGroupLead", "officer"] },
  "proposal.create": {
    input: (f) => ({ subGroupId: f.subGroupA.id, title: "Evening respite test", roundId: f.round.id }),
    allow: subGroupPeople,
  },
  "proposal.mine": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: participants },
  "proposal.get": {
    input: (f) => ({ proposalId: f.draftProposal.id }),
    allow: draftReaders,
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id }), allow: draftReaders }],
  },
  "proposal.revisions": { input: (f) => ({ proposalId: f.assessedProposal.id }), allow: panelReaders },
  "proposal.compare": {
    input: (f) => ({ proposalId: f.assessedProposal.id, fromRevision: 0, toRevision: 1 }),
    allow: panelReaders,
  },
  "proposal.timeline": { input: (f) => ({ proposalId: f.assessedProposal.id }), allow: panelReaders },
  // The panel scores a proposal; it does not comment on its sections.
  "proposal.comment": {
    input: (f) => ({ proposalId: f.assessedProposal.id, section: "need", body: "Can we add the waiting-list figures?" }),
    allow: commenters,
  },
  "proposal.saveSection": {
    input: (f) => ({ proposalId: f.draftProposal.id, section: "summary", content: { text: "Short breaks for carers" }, baseVersion: 0 }),
    allow: authors,
    also: [
      {
        on: demotedDraft,
        input: (f) => ({ proposalId: f.demotedDraft.id, section: "summary", content: { text: "Evening sitters" }, baseVersion: 0 }),
        allow: authors,
      },
    ],
  },
  "proposal.chooseRound": {
    input: (f) => ({ proposalId: f.draftProposal.id, roundId: f.round.id }),
    allow: authors,
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id, roundId: f.round.id }), allow: authors }],
  },
  "proposal.submit": {
    input: (f) => ({ proposalId: f.draftProposal.id }),
    allow: authors,
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id }), allow: authors }],
  },
  "proposal.returnToDraft": { input: (f) => ({ proposalId: f.assessedProposal.id }), allow: authors },
  // Its lead author observes now: nobody leads `demotedDraft` until an officer hands it on.
  "proposal.withdraw": {
    input: (f) => ({ proposalId: f.draftProposal.id, reason: "Another group is doing this" }),
    allow: leadAuthor,
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id, reason: "Another group is doing this" }), allow: [] }],
  },
  "proposal.coAuthorCandidates": {
    input: (f) => ({ proposalId: f.draftProposal.id }),
    allow: leadAuthor,
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id }), allow: [] }],
  },
  "proposal.addCoAuthor": {
    input: (f) => ({ proposalId: f.draftProposal.id, userId: f.people.requester.id }),
    allow: leadAuthor,
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id, userId: f.people.requester.id }), allow: [] }],
  },
  "proposal.removeCoAuthor": {
    input: (f) => ({ proposalId: f.draftProposal.id, userId: f.people.spare.id }),
    allow: leadAuthor,
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id, userId: f.people.member.id }), allow: [] }],
  },
  // The lead author hands the lead to a co-author, or an officer does (how `demotedDraft` gets a lead again).
  "proposal.changeLeadAuthor": {
    input: (f) => ({ proposalId: f.draftProposal.id, userId: f.people.spare.id }),
    allow: ["member", "officer"],
    also: [{ on: demotedDraft, input: (f) => ({ proposalId: f.demotedDraft.id, userId: f.people.member.id }), allow: ["officer"] }],
  },
};
