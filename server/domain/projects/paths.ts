/** Where a funded project's pages live (notification links point here). */
export const projectPath = (partnershipSlug: string, projectId: string) => `/p/${partnershipSlug}/projects/${projectId}`;
