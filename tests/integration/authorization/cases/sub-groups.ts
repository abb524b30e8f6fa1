import type { AuthorizationCases } from "../case";

export const subGroupsCases: AuthorizationCases = {};
