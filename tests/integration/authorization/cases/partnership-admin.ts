import type { AuthorizationCases } from "../case";

export const partnershipAdminCases: AuthorizationCases = {};
