import type { AuthorizationCases } from "../case";

export const assessmentCases: AuthorizationCases = {};
