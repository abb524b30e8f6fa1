import type { AuthorizationCases } from "../case";

export const directoryCases: AuthorizationCases = {};
