import { PARTNERSHIP_MEMBERS, SIGNED_IN, type AuthorizationCase, type AuthorizationCases } from "../case";

/**
 * `member` wrote the fixture's draft, submitted and published stories. A published story is
 * read by the whole partnership; an unpublished one only by its author and officers. Only
 * the author edits, submits or withdraws; officers moderate; observers read but take no
 * part. The public procedures serve the other partnership, which publishes its page.
 */
const participants = ["member", "otherSubGroupMember", "subGroupLead", "officer"] as const;
const authorAndOfficers = ["member", "officer"] as const;
const author = ["member"] as const;
const officers = ["officer"] as const;
const everyone: AuthorizationCase["allow"] = ["anonymous", ...SIGNED_IN];

export const storiesCases: AuthorizationCases = {
  "story.list": { input: (f) => ({ partnershipSlug: f.partnership.slug, theme: "CROSS_SYSTEM_KINDNESS" }), allow: PARTNERSHIP_MEMBERS },
  "story.mine": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: participants },
  "story.moderationQueue": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: officers },
  "story.linkOptions": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: participants },
  "story.get": { input: (f) => ({ storyId: f.draftStory.id }), allow: authorAndOfficers },
  "story.create": {
    input: (f) => ({
      partnershipSlug: f.partnership.slug,
      title: "Breakfast club",
      body: "Two teams met over tea and toast.",
      themes: ["INTER_ORGANISATIONAL_COLLABORATION"],
    }),
    allow: participants,
  },
  "story.update": {
    input: (f) => ({ storyId: f.draftStory.id, version: f.draftStory.version, title: "Draft story, retitled", body: "We met at the carers café." }),
    allow: author,
  },
  "story.submit": { input: (f) => ({ storyId: f.draftStory.id }), allow: author },
  "story.withdraw": { input: (f) => ({ storyId: f.draftStory.id }), allow: author },
  "story.moderate": { input: (f) => ({ storyId: f.submittedStory.id, action: "PUBLISH", note: "" }), allow: officers },
  "story.comment": { input: (f) => ({ storyId: f.publishedStory.id, body: "Lovely to read." }), allow: participants },
  "story.publicList": { input: (f) => ({ partnershipSlug: f.otherPartnership.slug }), allow: everyone },
  "story.publicGet": {
    input: (f) => ({ partnershipSlug: f.otherPartnership.slug, storyId: f.otherPartnershipStory.id }),
    allow: everyone,
  },
};
