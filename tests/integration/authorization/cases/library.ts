import { PARTNERSHIP_MEMBERS, SIGNED_IN, type AuthorizationCase, type AuthorizationCases } from "../case";

/**
 * The library: every member (observers too) reads it; officers and chairs curate folders and
 * what is public; participants share links, and whoever shared one (`member`, for the
 * fixture's members-only link) changes, moves or removes it. The public list serves the other
 * partnership, which publishes its page. A document's file is decided by the upload route
 * (file.attachToLibraryResource), tested in library-documents.int.test.ts.
 */
const participants = ["member", "otherSubGroupMember", "subGroupLead", "officer"] as const;
const curators = ["officer"] as const;
const adderAndCurators = ["member", "officer"] as const;
const everyone: AuthorizationCase["allow"] = ["anonymous", ...SIGNED_IN];

export const libraryCases: AuthorizationCases = {
  "library.browse": { input: (f) => ({ partnershipSlug: f.partnership.slug, tag: "carers" }), allow: PARTNERSHIP_MEMBERS },
  "library.get": { input: (f) => ({ libraryResourceId: f.libraryResource.id }), allow: PARTNERSHIP_MEMBERS },
  "library.createFolder": { input: (f) => ({ partnershipSlug: f.partnership.slug, name: "Policies", parentId: f.libraryFolder.id }), allow: curators },
  "library.renameFolder": { input: (f) => ({ libraryFolderId: f.libraryFolder.id, name: "How-to guides" }), allow: curators },
  "library.moveFolder": { input: (f) => ({ libraryFolderId: f.librarySubFolder.id, parentId: null }), allow: curators },
  "library.removeFolder": { input: (f) => ({ libraryFolderId: f.librarySubFolder.id }), allow: curators },
  "library.addLink": {
    input: (f) => ({ partnershipSlug: f.partnership.slug, folderId: f.libraryFolder.id, title: "Walking group timetable", url: "https://example.org/walks", tags: ["walking"] }),
    allow: participants,
    also: [
      {
        on: "a public link (officers and chairs only)",
        input: (f) => ({ partnershipSlug: f.partnership.slug, folderId: null, title: "Annual report", url: "https://example.org/report", visibility: "PUBLIC" }),
        allow: curators,
      },
    ],
  },
  "library.addDocument": {
    input: (f) => ({ partnershipSlug: f.partnership.slug, folderId: f.libraryFolder.id, title: "Safeguarding policy", tags: ["policies"] }),
    allow: participants,
    also: [
      {
        on: "a public document (officers and chairs only)",
        input: (f) => ({ partnershipSlug: f.partnership.slug, folderId: null, title: "Annual report", visibility: "PUBLIC" }),
        allow: curators,
      },
    ],
  },
  "library.updateResource": {
    input: (f) => ({ libraryResourceId: f.libraryResource.id, title: "Carers' café flyer (May)", url: "https://example.org/cafe-may", tags: ["carers"], visibility: "MEMBERS" }),
    allow: adderAndCurators,
    also: [
      {
        on: "making it public (officers and chairs only)",
        input: (f) => ({ libraryResourceId: f.libraryResource.id, title: "Carers' café flyer", url: "https://example.org/cafe-flyer", tags: [], visibility: "PUBLIC" }),
        allow: curators,
      },
    ],
  },
  "library.moveResource": { input: (f) => ({ libraryResourceId: f.libraryResource.id, folderId: f.librarySubFolder.id }), allow: adderAndCurators },
  "library.removeResource": { input: (f) => ({ libraryResourceId: f.libraryResource.id }), allow: adderAndCurators },
  "library.publicList": { input: (f) => ({ partnershipSlug: f.otherPartnership.slug }), allow: everyone },
};
