import type { AuthorizationCases } from "../case";

export const reflectionsCases: AuthorizationCases = {};
