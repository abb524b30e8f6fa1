import type { StoryStatus, StoryTheme } from "@/server/db/generated/enums";

/**
 * The #PositivePartnerships campaign's themes, in the campaign's order, with the words
 * shown on screen. Shared by the forms, the filters and the public pages.
 */
export const STORY_THEMES = [
  "CITYWIDE_RESPONSE",
  "INTER_ORGANISATIONAL_COLLABORATION",
  "RAPID_ADAPTATION",
  "JOINED_UP_INFORMATION",
  "CREATIVE_ACCESSIBLE_COMMUNICATION",
  "CROSS_SYSTEM_KINDNESS",
] as const satisfies readonly StoryTheme[];

export const STORY_THEME_LABELS: Readonly<Record<StoryTheme, string>> = {
  CITYWIDE_RESPONSE: "Citywide response",
  INTER_ORGANISATIONAL_COLLABORATION: "Inter-organisational collaboration",
  RAPID_ADAPTATION: "Rapid adaptation of services",
  JOINED_UP_INFORMATION: "Joined-up information and resources",
  CREATIVE_ACCESSIBLE_COMMUNICATION: "Creative, accessible communication",
  CROSS_SYSTEM_KINDNESS: "Cross-system kindness",
};

/** How a story's state reads to its author and to officers. */
export const STORY_STATUS_LABELS: Readonly<Record<StoryStatus, string>> = {
  DRAFT: "Draft",
  SUBMITTED: "Waiting for an officer",
  RETURNED: "Returned for changes",
  PUBLISHED: "Published",
  WITHDRAWN: "Withdrawn",
};

export function isStoryTheme(value: string): value is StoryTheme {
  return (STORY_THEMES as readonly string[]).includes(value);
}
