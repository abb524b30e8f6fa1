/** Where a story's pages live (notification links point here). */
export const storiesPath = (partnershipSlug: string) => `/p/${partnershipSlug}/stories`;
export const storyPath = (partnershipSlug: string, storyId: string) => `/p/${partnershipSlug}/stories/${storyId}`;
export const editStoryPath = (partnershipSlug: string, storyId: string) => `/p/${partnershipSlug}/stories/${storyId}/edit`;
export const moderationQueuePath = (partnershipSlug: string) => `/p/${partnershipSlug}/stories/moderation`;
export const publicStoryPath = (partnershipSlug: string, storyId: string) => `/public/${partnershipSlug}/stories/${storyId}`;
