import type { AuthorizationCases } from "../case";
import type { Persona } from "../fixture";

/**
 * Sub-group A's space. Posters are its members and lead plus the partnership's officers and
 * chairs: `otherSubGroupMember` (in sub-group B only) and the observer are refused, and an
 * officer of another partnership (or the removed member, still on A's list) cannot even see
 * that it exists. The demoted lead is still on A's list, so reads what A shares, but posts nothing.
 */
const readers: readonly Persona[] = ["member", "subGroupLead", "officer", "demotedLead"];
const posters: readonly Persona[] = ["member", "subGroupLead", "officer"];
/** Notes are the lead's (and officers' and chairs'). */
const noteKeepers: readonly Persona[] = ["subGroupLead", "officer"];

export const discussionsCases: AuthorizationCases = {
  "discussion.threads": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: readers },
  "discussion.thread": { input: (f) => ({ threadId: f.thread.id }), allow: readers },
  "discussion.startThread": {
    input: (f) => ({
      subGroupId: f.subGroupA.id,
      title: "Respite sessions",
      body: `@${f.people.spare.name} could you share the venue list?`,
      mentionUserIds: [f.people.spare.id],
    }),
    allow: posters,
  },
  "discussion.reply": {
    input: (f) => ({ threadId: f.thread.id, body: "Tuesday works for me.", mentionUserIds: [f.people.member.id] }),
    allow: posters,
  },
  "discussion.addNote": {
    input: (f) => ({ subGroupId: f.subGroupA.id, title: "Key links", body: "Shared drive: ask the lead", pinned: true }),
    allow: noteKeepers,
  },
  "discussion.setNotePinned": { input: (f) => ({ noteId: f.note.id, pinned: true }), allow: noteKeepers },
  "discussion.activity": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: readers },
  // The post form's list: for those who may post.
  "discussion.mentionable": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: posters },
};
