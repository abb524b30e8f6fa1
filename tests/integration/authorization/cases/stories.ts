import type { AuthorizationCases } from "../case";

export const storiesCases: AuthorizationCases = {};
