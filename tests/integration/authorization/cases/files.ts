import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";

/**
 * Files are decided by what they are attached to. `draftFile` is a file `member` (the lead
 * author) attached to the draft proposal: its readers list its files; its uploader (while
 * it is a draft) and officers remove it. The demoted lead still co-writes the draft, so
 * reads its files, and removes nothing.
 */
export const filesCases: AuthorizationCases = {
  "file.list": {
    input: (f) => ({ ownerKind: "PROPOSAL", ownerId: f.draftProposal.id }),
    allow: ["member", "subGroupLead", "officer", "demotedLead"],
    also: [
      { on: "a draft progress update", input: (f) => ({ ownerKind: "PROGRESS_UPDATE", ownerId: f.draftUpdate.id }), allow: ["member", "officer", "demotedLead"] },
      // An event's flyer and slides: everyone who may see the event (event.get).
      { on: "an event", input: (f) => ({ ownerKind: "EVENT", ownerId: f.breakfast.id }), allow: PARTNERSHIP_MEMBERS },
      // A discussion's files: its readers (discussion.thread).
      { on: "a discussion", input: (f) => ({ ownerKind: "THREAD", ownerId: f.thread.id }), allow: ["member", "subGroupLead", "officer", "demotedLead"] },
    ],
  },
  "file.remove": { input: (f) => ({ fileId: f.draftFile.id }), allow: ["member", "officer"] },
  "file.storageUse": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: ["officer"] },
};
