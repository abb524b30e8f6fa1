import { PARTNERSHIP_MEMBERS, SIGNED_IN, type AuthorizationCases } from "../case";

export const coreCases: AuthorizationCases = {
  "system.ping": { allow: ["anonymous", ...SIGNED_IN] },
  "me.profile": { allow: SIGNED_IN },
  "me.calendarFeed": { allow: SIGNED_IN },
  "me.replaceCalendarFeed": { input: () => ({}), allow: SIGNED_IN },
  "me.revokeCalendarFeed": { input: () => ({}), allow: SIGNED_IN },
  // Closing one's own account: any signed-in person, only their own (the id comes from the session).
  "me.accountClosure": { allow: SIGNED_IN },
  "me.requestAccountClosure": { input: () => ({ confirm: true }), allow: SIGNED_IN },
  "me.withdrawAccountClosure": { input: () => ({}), allow: SIGNED_IN },
  "me.dataExports": { allow: SIGNED_IN },
  "me.requestDataExport": { input: () => ({}), allow: SIGNED_IN },
  "partnership.mine": { allow: SIGNED_IN },
  "partnership.overview": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  // What the navigation and pages may offer: everyone in the partnership asks it about themselves.
  "partnership.viewer": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
};
