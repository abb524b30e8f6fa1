import { STORY_STATUS_LABELS, STORY_THEME_LABELS } from "@/lib/story-themes";
import type { StoryStatus, StoryTheme } from "@/server/db/generated/enums";

/** A story's themes as tags, always with their words. */
export function ThemeTags({ themes, label = "Themes" }: { themes: readonly StoryTheme[]; label?: string }) {
  if (themes.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {themes.map((theme) => (
        <li key={theme} className="rounded-sm bg-brand-50 px-2 py-0.5 text-sm font-semibold text-brand-900">
          {STORY_THEME_LABELS[theme]}
        </li>
      ))}
    </ul>
  );
}

const STATUS_CLASSES: Readonly<Record<StoryStatus, string>> = {
  DRAFT: "bg-slate-100 text-slate-900",
  SUBMITTED: "bg-amber-50 text-amber-900",
  RETURNED: "bg-red-50 text-red-900",
  PUBLISHED: "bg-green-50 text-green-900",
  WITHDRAWN: "bg-slate-100 text-slate-900",
};

export function StoryStatusTag({ status }: { status: StoryStatus }) {
  return (
    <span className={`inline-block rounded-sm px-2 py-0.5 text-sm font-semibold ${STATUS_CLASSES[status]}`}>
      {STORY_STATUS_LABELS[status]}
    </span>
  );
}

/** A moment shown as its day in the UK. */
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

export function StoryDay({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{dayFormat.format(at)}</time>;
}

/** "Lorna Shaw, Renfrewshire Carers Centre" */
export function byline(author: { name: string; organisationName: string | null }): string {
  return author.organisationName ? `${author.name}, ${author.organisationName}` : author.name;
}
