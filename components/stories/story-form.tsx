"use client";

import { useRouter } from "next/navigation";
import { paths } from "@/lib/paths";
import { useId, useRef, useState, type FormEvent } from "react";
import { CheckboxChoice } from "@/components/people/checkbox-choice";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { STORY_BODY_MAX, STORY_SUMMARY_MAX, STORY_TITLE_MAX } from "@/lib/schemas/stories";
import { STORY_THEME_LABELS, STORY_THEMES } from "@/lib/story-themes";
import type { StoryTheme } from "@/server/db/generated/enums";
import { StoryBody } from "./story-body";
import { StoryImages } from "./story-images";

export type LinkOption = { id: string; name: string };

export type StoryDraft = {
  title: string;
  summary: string;
  body: string;
  themes: StoryTheme[];
  isPublic: boolean;
  organisationIds: string[];
  projectIds: string[];
};

const EMPTY: StoryDraft = { title: "", summary: "", body: "", themes: [], isPublic: false, organisationIds: [], projectIds: [] };

/** Where each field's error takes the reader in the error summary. */
const FIELD_TARGETS: Record<string, { id: string; label: string }> = {
  title: { id: "story-title", label: "Title" },
  summary: { id: "story-summary", label: "Summary" },
  body: { id: "story-body", label: "Your story" },
  themes: { id: "story-themes", label: "Themes" },
  organisationIds: { id: "story-organisations", label: "Organisations" },
  projectIds: { id: "story-projects", label: "Funded projects" },
};

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((item) => item !== value);
}

function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
  selected,
  onChange,
  name,
}: {
  id: string;
  legend: string;
  hint: string;
  error?: string[];
  options: readonly LinkOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  name: string;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
      className={`space-y-2 ${error ? "border-l-4 border-red-800 pl-3" : ""}`}
    >
      <legend className="font-semibold">{legend}</legend>
      <p id={hintId} className="text-sm text-slate-700">
        {hint}
      </p>
      {error ? (
        <p id={errorId} className="font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {error[0]}
        </p>
      ) : null}
      {options.length === 0 ? <p className="text-slate-700">None to choose from yet.</p> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {options.map((option) => (
          <CheckboxChoice
            key={option.id}
            name={name}
            label={option.name}
            checked={selected.includes(option.id)}
            onChange={(on) => onChange(toggle(selected, option.id, on))}
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The author's form for a story, new or being changed: title, summary, the story in
 * Markdown, themes, links to organisations and projects, and whether it may go on the public
 * page. "Save" keeps a draft; "Save and submit" also sends it to an officer. After a save,
 * the story is shown as it will appear, rendered and sanitised by the server.
 */
function StoryForm({
  slug,
  story,
  organisations,
  projects,
  publishesPortfolio,
  startWithProjectId,
  maxUploadBytes,
}: {
  slug: string;
  /** The story being changed; a new story when absent. */
  story?: { id: string; version: number; draft: StoryDraft };
  organisations: readonly LinkOption[];
  projects: readonly LinkOption[];
  publishesPortfolio: boolean;
  /** A new story written from a project's page starts linked to that project. */
  startWithProjectId?: string;
  /** The largest picture that may be uploaded (TANDEM_UPLOAD_MAX_BYTES). */
  maxUploadBytes: number;
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [draft, setDraft] = useState<StoryDraft>(
    story?.draft ??
      (startWithProjectId && projects.some((project) => project.id === startWithProjectId)
        ? { ...EMPTY, projectIds: [startWithProjectId] }
        : EMPTY),
  );
  // The story as last saved: a new story becomes an existing one after its first save, so a
  // refused submit followed by another click saves the same story rather than a second one.
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(story ? { id: story.id, version: story.version } : null);
  const [preview, setPreview] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorHeadingId = useId();
  const errors = action.fieldErrors;
  const set = <K extends keyof StoryDraft>(key: K, value: StoryDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function save(thenSubmit: boolean) {
    const result = await action.run(
      async () => {
        const written = saved
          ? await client.story.update.mutate({ storyId: saved.id, version: saved.version, ...draft })
          : await client.story.create.mutate({ partnershipSlug: slug, ...draft });
        setSaved({ id: written.id, version: written.version });
        setPreview(written.html);
        if (thenSubmit) await client.story.submit.mutate({ storyId: written.id });
        return written;
      },
      {
        success: story && !thenSubmit ? "Your changes are saved. The preview below shows how the story will look." : null,
        refresh: false,
      },
    );
    if (!result.ok) {
      summaryRef.current?.focus();
      return;
    }
    if (!story || thenSubmit) router.push(`${paths.story(slug, result.value.id)}${thenSubmit ? "?submitted=1" : ""}`);
    else router.refresh();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void save(submitter?.value === "submit");
  }

  const fieldErrorEntries = Object.entries(errors).filter(([key]) => key in FIELD_TARGETS);

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      <div ref={summaryRef} tabIndex={-1} className="focus:outline-none">
        {action.error ? (
          <FormMessage tone="error">
            <p id={errorHeadingId}>{action.error}</p>
            {fieldErrorEntries.length > 0 ? (
              <ul aria-labelledby={errorHeadingId} className="mt-2 list-disc pl-6 font-normal">
                {fieldErrorEntries.map(([key, messages]) => (
                  <li key={key}>
                    <a href={`#${FIELD_TARGETS[key]!.id}`} className="text-red-900 underline">
                      {FIELD_TARGETS[key]!.label}: {messages[0]}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </FormMessage>
        ) : null}
        {action.done ? (
          <FormMessage tone="success" focus>
            {action.done}
          </FormMessage>
        ) : null}
      </div>

      <TextField
        id="story-title"
        label="Title"
        name="title"
        value={draft.title}
        onChange={(event) => set("title", event.target.value)}
        error={errors.title}
        maxLength={STORY_TITLE_MAX}
        autoComplete="off"
      />
      <TextArea
        id="story-summary"
        label="Summary (optional)"
        hint="One or two sentences shown in lists of stories. Without one, the opening words of your story are used."
        name="summary"
        value={draft.summary}
        onChange={(event) => set("summary", event.target.value)}
        error={errors.summary}
        maxLength={STORY_SUMMARY_MAX}
        rows={2}
      />
      <TextArea
        id="story-body"
        label="Your story"
        hint={
          <>
            Write in Markdown: a blank line starts a new paragraph, <code># Heading</code> makes a heading,{" "}
            <code>**bold**</code>, <code>[link text](https://…)</code>. Add pictures under “Pictures” below, each with a
            short description for people who cannot see it. Up to{" "}
            {STORY_BODY_MAX.toLocaleString("en-GB")} characters.
          </>
        }
        name="body"
        value={draft.body}
        onChange={(event) => set("body", event.target.value)}
        error={errors.body}
        maxLength={STORY_BODY_MAX}
        rows={16}
      />
      <StoryImages
        storyId={saved?.id ?? null}
        maxBytes={maxUploadBytes}
        onInsert={(markdown) =>
          setDraft((current) => ({ ...current, body: current.body.trim() ? `${current.body.trimEnd()}\n\n${markdown}` : markdown }))
        }
      />

      <fieldset
        id="story-themes"
        tabIndex={-1}
        aria-describedby={errors.themes ? "story-themes-error" : "story-themes-hint"}
        className={`space-y-2 ${errors.themes ? "border-l-4 border-red-800 pl-3" : ""}`}
      >
        <legend className="font-semibold">Themes</legend>
        <p id="story-themes-hint" className="text-sm text-slate-700">
          Which of the #PositivePartnerships themes does your story show? Choose at least one before you submit it.
        </p>
        {errors.themes ? (
          <p id="story-themes-error" className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errors.themes[0]}
          </p>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {STORY_THEMES.map((theme) => (
            <CheckboxChoice
              key={theme}
              name="themes"
              label={STORY_THEME_LABELS[theme]}
              checked={draft.themes.includes(theme)}
              onChange={(on) => set("themes", toggle(draft.themes, theme, on))}
            />
          ))}
        </div>
      </fieldset>

      <CheckboxGroup
        id="story-organisations"
        legend="Organisations in the story"
        hint="The partnership's organisations that took part."
        error={errors.organisationIds}
        options={organisations}
        selected={draft.organisationIds}
        onChange={(next) => set("organisationIds", next)}
        name="organisationIds"
      />
      <CheckboxGroup
        id="story-projects"
        legend="Funded projects in the story"
        hint="Link the story to the funded test projects it is about, if any."
        error={errors.projectIds}
        options={projects}
        selected={draft.projectIds}
        onChange={(next) => set("projectIds", next)}
        name="projectIds"
      />

      <CheckboxChoice
        name="isPublic"
        label="Show this story on the partnership's public page once it is published"
        hint={
          publishesPortfolio
            ? "Anyone can then read it, without signing in. Your name and organisation are shown; comments are not."
            : "The partnership does not have a public page at the moment; if it starts one, the story will appear there."
        }
        checked={draft.isPublic}
        onChange={(on) => set("isPublic", on)}
      />

      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={action.pending}>
          {story ? "Save changes" : "Save draft"}
        </Button>
        <Button type="submit" name="intent" value="submit" disabled={action.pending}>
          Save and submit for publishing
        </Button>
      </div>

      {preview !== null && saved ? (
        <section aria-labelledby="story-preview-heading" className="rounded-md border-2 border-slate-300 p-4">
          <h2 id="story-preview-heading" className="text-xl font-semibold">
            Preview of the saved story
          </h2>
          <StoryBody html={preview} className="mt-3" />
        </section>
      ) : null}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const StoryFormWithApi = withApi(StoryForm);
export { StoryFormWithApi as StoryForm };
