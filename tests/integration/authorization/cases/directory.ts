import { PARTNERSHIP_MEMBERS, SIGNED_IN, type AuthorizationCases } from "../case";

const slug = (f: { partnership: { slug: string } }) => ({ partnershipSlug: f.partnership.slug });

export const directoryCases: AuthorizationCases = {
  "directory.people": {
    input: (f) => ({ ...slug(f), q: "member", sector: "VOLUNTARY", localityId: f.locality.id }),
    allow: PARTNERSHIP_MEMBERS,
  },
  "directory.organisations": {
    input: (f) => ({ ...slug(f), priorityAreaId: f.priorityArea.id }),
    allow: PARTNERSHIP_MEMBERS,
  },
  // `member` is listed in the directory (the default), so allowed personas reach a real page.
  "directory.person": { input: (f) => ({ ...slug(f), userId: f.people.member.id }), allow: PARTNERSHIP_MEMBERS },
  "directory.organisation": {
    input: (f) => ({ ...slug(f), organisationId: f.organisations.voluntary.id }),
    allow: PARTNERSHIP_MEMBERS,
  },
  "directory.filterOptions": { input: slug, allow: PARTNERSHIP_MEMBERS },
  "directory.setOrganisationNumbers": {
    input: (f) => ({ ...slug(f), organisationId: f.organisations.publicBody.id, charityNumber: "", scottishCharityNumber: "SC012345", companyNumber: "" }),
    allow: ["officer"],
  },
  "directory.setOrganisationVerified": {
    input: (f) => ({ ...slug(f), organisationId: f.organisations.publicBody.id, verified: true }),
    allow: ["officer"],
  },
  "directory.map": { input: slug, allow: PARTNERSHIP_MEMBERS },

  // The actor's own account: every signed-in person may change theirs.
  "me.updateProfile": {
    input: () => ({
      name: "Alex Morgan",
      jobTitle: "Carers Development Worker",
      bio: null,
      interests: ["Carers", "carers ", "Dementia"],
      phone: null,
      listedInDirectory: true,
      showEmail: false,
      showPhone: false,
    }),
    allow: SIGNED_IN,
  },
  "me.updateNotificationSettings": {
    input: () => ({ emailOnJoinRequests: false, emailOnDecisions: true, emailOnMentions: false }),
    allow: SIGNED_IN,
  },
};
