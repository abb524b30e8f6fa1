import { STORY_STATUS_LABELS, STORY_THEME_LABELS } from "@/lib/story-themes";
import { LabelledTag, StatusTag, type Tone } from "@/components/ui/status-tag";
import { formatDateTime, formatInstantDay } from "@/lib/uk-time";
import type { StoryStatus, StoryTheme } from "@/server/db/generated/enums";

/** A story's themes as tags, always with their words. */
export function ThemeTags({ themes, label = "Themes" }: { themes: readonly StoryTheme[]; label?: string }) {
  if (themes.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {themes.map((theme) => (
        <li key={theme}>
          <StatusTag tone="info">{STORY_THEME_LABELS[theme]}</StatusTag>
        </li>
      ))}
    </ul>
  );
}

const STATUS_TONES: Readonly<Record<StoryStatus, Tone>> = {
  DRAFT: "neutral",
  SUBMITTED: "warning",
  RETURNED: "danger",
  PUBLISHED: "success",
  WITHDRAWN: "neutral",
};

export function StoryStatusTag({ status }: { status: StoryStatus }) {
  return <LabelledTag value={status} labels={STORY_STATUS_LABELS} tones={STATUS_TONES} />;
}

/** A moment shown as its day in the UK. */
export function StoryDay({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatInstantDay(at)}</time>;
}

/** "Lorna Shaw, Renfrewshire Carers Centre" */
export function byline(author: { name: string; organisationName: string | null }): string {
  return author.organisationName ? `${author.name}, ${author.organisationName}` : author.name;
}

/** The element id of a comment in a story's list, so the page can move focus to a new one. */
export const commentElementId = (commentId: string) => `comment-${commentId}`;

/** When a comment or moderation step happened, in UK time: "12 Nov 2026 at 1:15pm". */
export function StoryMoment({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatDateTime(at, "short")}</time>;
}
