import { SIGNED_IN, type AuthorizationCases } from "../case";

/**
 * Partnership administration, members and invitations: officers only, except the
 * invitation link itself (anyone holding it may preview; any signed-in person may try to
 * accept, and is refused by a business rule when the invitation is not theirs).
 */
export const partnershipAdminCases: AuthorizationCases = {
  "partnership.update": {
    input: (f) => ({
      partnershipSlug: f.partnership.slug,
      name: "Renamed partnership",
      area: "Renfrewshire",
      description: "Planning together",
      welcomeText: "Welcome, everyone",
    }),
    allow: ["officer"],
  },
  "partnership.addLocality": {
    input: (f) => ({ partnershipSlug: f.partnership.slug, name: "South" }),
    allow: ["officer"],
  },
  "partnership.renameLocality": {
    input: (f) => ({ localityId: f.locality.id, name: "North and West" }),
    allow: ["officer"],
  },
  // The fixture locality is used by an organisation: the officer's call is let in, then refused (CONFLICT).
  "partnership.removeLocality": { input: (f) => ({ localityId: f.locality.id }), allow: ["officer"] },
  "membership.list": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: ["officer"] },
  "membership.exportTable": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: ["officer"] },
  "membership.personalData": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: ["officer"] },
  "job.failing": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: ["officer"] },
  "job.retry": { input: (f) => ({ partnershipSlug: f.partnership.slug, jobId: f.failedJob.id }), allow: ["officer"] },
  "membership.changeRole": {
    input: (f) => ({ membershipId: f.memberships.spare.id, role: "CHAIR" }),
    allow: ["officer"],
  },
  "membership.remove": { input: (f) => ({ membershipId: f.memberships.spare.id }), allow: ["officer"] },
  "invitation.create": {
    input: (f) => ({ partnershipSlug: f.partnership.slug, email: "New.Person@Example.org", role: "MEMBER" }),
    allow: ["officer"],
  },
  "invitation.resend": { input: (f) => ({ invitationId: f.invitation.id }), allow: ["officer"] },
  "invitation.revoke": { input: (f) => ({ invitationId: f.invitation.id }), allow: ["officer"] },
  "invitation.preview": { input: (f) => ({ token: f.invitationToken }), allow: ["anonymous", ...SIGNED_IN] },
  // No persona's email matches the fixture invitation: signed-in callers get PRECONDITION_FAILED.
  "invitation.accept": { input: (f) => ({ token: f.invitationToken }), allow: SIGNED_IN },
  "memberImport.upload": {
    input: (f) => ({
      partnershipSlug: f.partnership.slug,
      fileName: "people.csv",
      contentBase64: Buffer.from("Email,Name\r\nuploaded.person@example.org,Uma Upload\r\n").toString("base64"),
    }),
    allow: ["officer"],
  },
  "memberImport.batch": { input: (f) => ({ partnershipSlug: f.partnership.slug, batchId: f.importBatch.id }), allow: ["officer"] },
  "memberImport.progress": { input: (f) => ({ partnershipSlug: f.partnership.slug, batchId: f.importBatch.id }), allow: ["officer"] },
  "memberImport.confirm": { input: (f) => ({ partnershipSlug: f.partnership.slug, batchId: f.importBatch.id }), allow: ["officer"] },
  "memberImport.cancel": { input: (f) => ({ partnershipSlug: f.partnership.slug, batchId: f.importBatch.id }), allow: ["officer"] },
};
