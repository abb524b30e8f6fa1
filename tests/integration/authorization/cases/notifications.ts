import type { AuthorizationCases } from "../case";

export const notificationsCases: AuthorizationCases = {};
