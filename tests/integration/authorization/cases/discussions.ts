import type { AuthorizationCases } from "../case";

export const discussionsCases: AuthorizationCases = {};
