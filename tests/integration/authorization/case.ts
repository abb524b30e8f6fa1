import type { Fixture, Persona } from "./fixture";

export type AuthorizationInput = {
  /** The input to call the procedure with, built from the shared world. Omit for no input. */
  input?: (fixture: Fixture) => unknown;
  /** The personas the policy lets through. Everyone else must be refused, with nothing written. */
  allow: readonly Persona[];
};

export type AuthorizationCase = AuthorizationInput & {
  /**
   * The same procedure on other resources of the world, each with the personas it lets
   * through: chiefly the rows the demoted lead still holds (their own draft, project and meeting).
   */
  also?: readonly (AuthorizationInput & { on: string })[];
};

export type AuthorizationCases = Record<string, AuthorizationCase>;

/** Every persona that is signed in and belongs to the fixture partnership (the demoted lead observes it). */
export const PARTNERSHIP_MEMBERS: readonly Persona[] = [
  "observer",
  "member",
  "otherSubGroupMember",
  "subGroupLead",
  "officer",
  "demotedLead",
];
/** Everyone signed in: the partnership's people, an officer of another partnership and the removed member. */
export const SIGNED_IN: readonly Persona[] = [...PARTNERSHIP_MEMBERS, "otherPartnershipOfficer", "removedMember"];
