/** Where reflection pages live (notification and page links point here). */
export const reflectionsPath = (partnershipSlug: string) => `/p/${partnershipSlug}/reflections`;

export const reflectionPath = (partnershipSlug: string, surveyId: string) => `${reflectionsPath(partnershipSlug)}/${surveyId}`;

export const reflectionResultsPath = (partnershipSlug: string, surveyId: string) =>
  `${reflectionPath(partnershipSlug, surveyId)}/results`;

export const reflectionCsvPath = (partnershipSlug: string, surveyId: string) =>
  `${reflectionPath(partnershipSlug, surveyId)}/results.csv`;

/** The stories feature owns these pages; a reflection answer can become a draft story there. */
export const storyPath = (partnershipSlug: string, storyId: string) => `/p/${partnershipSlug}/stories/${storyId}`;
