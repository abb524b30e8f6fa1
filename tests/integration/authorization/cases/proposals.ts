import type { AuthorizationCases } from "../case";

export const proposalsCases: AuthorizationCases = {};
