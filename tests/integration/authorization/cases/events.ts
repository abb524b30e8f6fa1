import type { AuthorizationCases } from "../case";

export const eventsCases: AuthorizationCases = {};
