"use client";

import { useEffect, type FocusEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { sectionToText } from "@/lib/proposals/section-text";
import {
  PROPOSAL_SECTION_KEYS,
  PROPOSAL_SECTION_LABELS,
  type ProposalSectionKey,
  type SectionContent,
} from "@/lib/schemas/proposals";
import { formatTime } from "@/lib/uk-time";
import {
  ActivitiesEditor,
  BudgetEditor,
  DurationEditor,
  MeasuresEditor,
  PartnersEditor,
  ProseEditor,
  TitleEditor,
  type Organisation,
} from "./section-editors";
import { useSectionAutosave, type SaveState } from "./use-section-autosave";
import { withApi } from "@/components/providers/trpc-provider";

/** What to write in each section: prompts that save the authors a blank page. */
const SECTION_HINTS: Record<ProposalSectionKey, string> = {
  title: "A short name the partnership will recognise.",
  summary: "Two or three sentences a busy reader can take in at a glance.",
  need: "Who is affected, what shows the need, and what happens now.",
  hypothesis: "“If we do this, for these people, we expect this to change.” Say how the partnership will know whether it worked.",
  measures: "How you will know: each measure's figure now (baseline) and what you aim for (target).",
  activities: "The main steps and when each should be done.",
  partners: "The organisations taking part, from any sector, and which one leads.",
  budget: "What the money buys, how much, and which partner spends it. The total is the amount you ask for.",
  duration: "How long the test runs.",
  sustainability: "If the test works, how it could carry on or grow once this one-off money is spent.",
  risks: "What could go wrong, and what you would do about it.",
};

const PROSE_LIMITS = { summary: 2_000, need: 10_000, hypothesis: 10_000, sustainability: 10_000, risks: 10_000 } as const;

export type EditorSection<K extends ProposalSectionKey = ProposalSectionKey> = { content: SectionContent[K]; version: number };

function ProposalEditor({
  proposalId,
  sections,
  organisations,
  requiredSections,
  maxAwardPence,
}: {
  proposalId: string;
  sections: { [K in ProposalSectionKey]: EditorSection<K> };
  organisations: Organisation[];
  requiredSections: ProposalSectionKey[];
  maxAwardPence: number | null;
}) {
  return (
    <div className="space-y-12">
      {PROPOSAL_SECTION_KEYS.map((key) => (
        <SectionBlock
          key={key}
          proposalId={proposalId}
          sectionKey={key}
          initial={sections[key]}
          organisations={organisations}
          required={requiredSections.includes(key)}
          maxAwardPence={maxAwardPence}
        />
      ))}
    </div>
  );
}

function statusText(state: SaveState<ProposalSectionKey>): ReactNode {
  switch (state.kind) {
    case "idle":
      return null;
    case "dirty":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved at ${formatTime(state.at)}`;
    case "offline":
      return "Not saved yet: the connection dropped. Your text is kept on this device and will be saved when the connection is back.";
    case "refused":
      return (
        <span className="text-red-800">
          Not saved: {state.message}
          {state.details.length > 0 ? ` ${state.details.join(" ")}` : ""}
        </span>
      );
    case "conflict":
      return <span className="text-red-800">Not saved: someone else changed this section. Choose which version to keep at the top of this section.</span>;
  }
}

function SectionBlock<K extends ProposalSectionKey>({
  proposalId,
  sectionKey,
  initial,
  organisations,
  required,
  maxAwardPence,
}: {
  proposalId: string;
  sectionKey: K;
  initial: EditorSection<K>;
  organisations: Organisation[];
  required: boolean;
  maxAwardPence: number | null;
}) {
  const autosave = useSectionAutosave(proposalId, sectionKey, initial);
  const { state } = autosave;
  const headingId = `heading-${sectionKey}`;
  const hintId = `hint-${sectionKey}`;
  const label = PROPOSAL_SECTION_LABELS[sectionKey];
  const unsaved = state.kind === "dirty" || state.kind === "saving" || state.kind === "offline" || state.kind === "refused" || state.kind === "conflict";

  // Closing the tab with unsaved typing asks first (the typing is kept on this device anyway).
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const asText = (content: SectionContent[K]) => sectionToText(sectionKey, content, (id) => names.get(id) ?? "An organisation") || "(empty)";

  function leave(event: FocusEvent<HTMLElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void autosave.flush();
  }

  return (
    <section id={`edit-${sectionKey}`} aria-labelledby={headingId} onBlur={leave} className="scroll-mt-4">
      <h2 id={headingId} className="text-2xl font-semibold">
        {label}
        {required ? <span className="text-base font-normal text-slate-700"> (required)</span> : null}
      </h2>
      <p id={hintId} className="mb-3 max-w-prose text-slate-700">
        {SECTION_HINTS[sectionKey]}
      </p>
      {autosave.restored ? (
        <p className="mb-3 rounded-md border-l-4 border-brand-800 bg-brand-50 p-3">
          Brought back changes you made on this device that had not been saved.
        </p>
      ) : null}
      {state.kind === "conflict" ? (
        <div role="alert" className="mb-4 rounded-md border-4 border-red-800 p-4">
          <h3 className="text-lg font-semibold">
            {state.theirs.updatedBy?.name ?? "Someone"} saved {label} while you were editing it
          </h3>
          <p className="mt-1">Nothing has been overwritten. Compare the two and choose which to keep; you can go on editing afterwards.</p>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div className="min-w-0">
              <h4 className="font-semibold">Their version</h4>
              <p className="mt-1 whitespace-pre-line break-words rounded-md bg-slate-50 p-3">{asText(state.theirs.content)}</p>
            </div>
            <div className="min-w-0">
              <h4 className="font-semibold">Your version</h4>
              <p className="mt-1 whitespace-pre-line break-words rounded-md bg-slate-50 p-3">{asText(autosave.content)}</p>
            </div>
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            <Button onClick={autosave.keepMine}>Keep my version</Button>
            <Button variant="secondary" onClick={autosave.takeTheirs}>
              Use their version
            </Button>
          </div>
        </div>
      ) : null}
      <div key={autosave.generation}>
        <SectionInput
          sectionKey={sectionKey}
          value={autosave.content}
          onChange={autosave.update}
          labelledBy={headingId}
          describedBy={hintId}
          organisations={organisations}
          maxAwardPence={maxAwardPence}
        />
      </div>
      <p role="status" className="mt-2 min-h-6 text-sm text-slate-700">
        {statusText(state as SaveState<ProposalSectionKey>)}
      </p>
    </section>
  );
}

function SectionInput<K extends ProposalSectionKey>({
  sectionKey,
  value,
  onChange,
  labelledBy,
  describedBy,
  organisations,
  maxAwardPence,
}: {
  sectionKey: K;
  value: SectionContent[K];
  onChange: (next: SectionContent[K]) => void;
  labelledBy: string;
  describedBy: string;
  organisations: Organisation[];
  maxAwardPence: number | null;
}) {
  const common = { labelledBy, describedBy, onChange: onChange as (next: unknown) => void };
  switch (sectionKey) {
    case "title":
      return <TitleEditor {...common} value={value as SectionContent["title"]} />;
    case "summary":
    case "need":
    case "hypothesis":
    case "sustainability":
    case "risks":
      return (
        <ProseEditor
          {...common}
          value={value as SectionContent["summary"]}
          rows={sectionKey === "summary" ? 3 : 6}
          maxLength={PROSE_LIMITS[sectionKey as keyof typeof PROSE_LIMITS]}
        />
      );
    case "measures":
      return <MeasuresEditor {...common} value={value as SectionContent["measures"]} />;
    case "activities":
      return <ActivitiesEditor {...common} value={value as SectionContent["activities"]} />;
    case "partners":
      return <PartnersEditor {...common} value={value as SectionContent["partners"]} organisations={organisations} />;
    case "budget":
      return <BudgetEditor {...common} value={value as SectionContent["budget"]} organisations={organisations} maxAwardPence={maxAwardPence} />;
    case "duration":
      return <DurationEditor {...common} value={value as SectionContent["duration"]} />;
    default:
      return null;
  }
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ProposalEditorWithApi = withApi(ProposalEditor);
export { ProposalEditorWithApi as ProposalEditor };
