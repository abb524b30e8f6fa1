import type { Fixture, Persona } from "./fixture";

export type AuthorizationCase = {
  /** The input to call the procedure with, built from a fresh fixture. Omit for no input. */
  input?: (fixture: Fixture) => unknown;
  /** The personas the policy lets through. Everyone else must be refused, with nothing written. */
  allow: readonly Persona[];
};

export type AuthorizationCases = Record<string, AuthorizationCase>;

/** Every persona that is signed in and belongs to the fixture partnership. */
export const PARTNERSHIP_MEMBERS: readonly Persona[] = [
  "observer",
  "member",
  "otherSubGroupMember",
  "subGroupLead",
  "officer",
];
export const SIGNED_IN: readonly Persona[] = [...PARTNERSHIP_MEMBERS, "otherPartnershipOfficer"];
