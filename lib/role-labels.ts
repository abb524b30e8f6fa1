/**
 * How the roles people hold beneath a partnership read on screen. Pages use these maps to
 * say what someone is; what the viewer may do comes from the `viewer.can*` flags.
 */

type SubGroupRoleCode = "LEAD" | "MEMBER";
type AuthorRoleCode = "LEAD" | "CO_AUTHOR";
type TeamRoleCode = "LEAD" | "MEMBER";

export { SUB_GROUP_ROLE_LABELS } from "./schemas/sub-groups";

/** After a person's name in a list of a sub-group's people, e.g. "Sam Patel (lead)". */
export const SUB_GROUP_ROLE_SUFFIX: Readonly<Record<SubGroupRoleCode, string>> = { LEAD: " (lead)", MEMBER: "" };

/** Where the viewer stands, on a sub-group's own page. */
export const MY_PLACE_IN_SUB_GROUP: Readonly<Record<SubGroupRoleCode, string>> = {
  LEAD: "You are a lead of this sub-group.",
  MEMBER: "You are a member of this sub-group.",
};

/** Where the viewer stands in a sub-group, on the priorities page. */
export const MY_SUB_GROUP_STATUS: Readonly<Record<SubGroupRoleCode, string>> = {
  LEAD: "You lead this sub-group.",
  MEMBER: "You are a member.",
};

export const AUTHOR_ROLE_SUFFIX: Readonly<Record<AuthorRoleCode, string>> = { LEAD: " (lead author)", CO_AUTHOR: "" };

/** The viewer's own part in a proposal, in lists of their proposals. */
export const MY_AUTHOR_ROLE: Readonly<Record<AuthorRoleCode, string>> = { LEAD: "You lead it", CO_AUTHOR: "You co-write it" };
export const MY_AUTHOR_ROLE_LONG: Readonly<Record<AuthorRoleCode, string>> = {
  LEAD: "You are the lead author",
  CO_AUTHOR: "You are a co-author",
};

export const TEAM_ROLE_LABELS: Readonly<Record<TeamRoleCode, string>> = { LEAD: "Lead", MEMBER: "Team member" };
export const TEAM_ROLE_SUFFIX: Readonly<Record<TeamRoleCode, string>> = { LEAD: " (lead)", MEMBER: "" };

/** The viewer's own part in a project, in the project list. */
export const MY_TEAM_ROLE: Readonly<Record<TeamRoleCode, string>> = { LEAD: "You lead this", MEMBER: "You are on the team" };
