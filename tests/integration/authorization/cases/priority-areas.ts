import type { AuthorizationCases } from "../case";

export const priorityAreasCases: AuthorizationCases = {};
