"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { MoneyError, parsePounds } from "@/lib/money";
import { PROPOSAL_SECTION_KEYS, PROPOSAL_SECTION_LABELS, type ProposalSectionKey } from "@/lib/schemas/proposals";
import { SECTOR_LABELS, SECTORS, type SectorCode } from "@/lib/sectors";
import { endOfUkDay, ukDateTime } from "@/lib/uk-time";
import { fieldId, FormProblems } from "./form-problems";

/** Sections every round requires: the form shows them ticked and fixed. */
const ALWAYS_REQUIRED: readonly ProposalSectionKey[] = ["title", "budget"];

type Option = { id: string; label: string };

const ROUND_FORM = "new-round";
const roundField = (key: string) => fieldId(ROUND_FORM, key);
const isSector = (value: string): value is SectorCode => (SECTORS as readonly string[]).includes(value);

function useAction() {
  const action = useApiAction();
  return {
    run: async (work: () => Promise<unknown>) => (await action.run(work, { success: "done" })).ok,
    pending: action.pending,
    error: action.error,
    fieldErrors: action.fieldErrors,
    setFieldErrors: action.setFieldErrors,
    setError: action.setError,
    done: action.done !== null,
  };
}

function poundsOrError(value: FormDataEntryValue | null, key: string, errors: Record<string, string[]>) {
  try {
    return parsePounds(String(value ?? ""));
  } catch (error) {
    errors[key] = [error instanceof MoneyError ? error.message : "Enter an amount"];
    return 0;
  }
}

/** "Name, weight" per line, e.g. "Cross-sector partnership, 40". */
function parseCriteria(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)[,:]\s*(\d{1,3})\s*%?$/.exec(line);
      return match ? { name: match[1]!.trim(), weight: Number(match[2]) } : { name: line, weight: 0 };
    });
}

function CreateRoundForm({ fundId, priorityAreas }: { fundId: string; priorityAreas: Option[] }) {
  const trpc = useTRPC();
  const createRound = useMutation(trpc.funding.createRound.mutationOptions());
  const action = useAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const errors: Record<string, string[]> = {};
    const minAwardPence = poundsOrError(form.get("min"), "minAwardPence", errors);
    const maxAwardPence = poundsOrError(form.get("max"), "maxAwardPence", errors);
    const criteria = parseCriteria(String(form.get("criteria") ?? ""));
    if (criteria.some((c) => c.weight === 0)) errors.criteria = ["Write each criterion as: name, weight (for example: Impact, 40)"];
    // A round opens at the start of its first UK day and closes at the end of its last.
    const opensOn = String(form.get("opensAt") ?? "");
    const closesOn = String(form.get("closesAt") ?? "");
    const opensAt = opensOn ? ukDateTime(opensOn, "00:00") : null;
    if (!opensAt) errors.opensAt = ["Enter the date the round opens"];
    const closesAt = ukDateTime(closesOn, "00:00") ? endOfUkDay(closesOn) : null;
    if (!closesAt) errors.closesAt = ["Enter the date the round closes"];
    const scoreMax = Number(form.get("scoreMax") ?? "");
    if (!Number.isInteger(scoreMax) || scoreMax < 1 || scoreMax > 10) errors.scoreMax = ["Enter a whole number from 1 to 10"];
    // Disabled checkboxes are not submitted: the sections every round needs are added back here.
    const chosenSections = new Set([...form.getAll("requiredSections").map(String), ...ALWAYS_REQUIRED]);
    const requiredSections = PROPOSAL_SECTION_KEYS.filter((key) => chosenSections.has(key));
    const requiredPartnerSectors = form.getAll("requiredPartnerSectors").map(String).filter(isSector);
    if (Object.keys(errors).length > 0 || !opensAt || !closesAt) {
      action.setFieldErrors(errors);
      action.setError("Please check the highlighted fields.");
      return;
    }
    const ok = await action.run(() =>
      createRound.mutateAsync({
        fundId,
        title: String(form.get("title") ?? ""),
        guidance: String(form.get("guidance") ?? ""),
        eligibility: String(form.get("eligibility") ?? ""),
        criteria,
        opensAt,
        closesAt,
        minAwardPence,
        maxAwardPence,
        priorityAreaIds: form.getAll("priorityAreaIds").map(String),
        scoreMax,
        requiredSections,
        requiredPartnerSectors,
        allowsChangesAfterSubmission: form.get("allowsChangesAfterSubmission") === "on",
      }),
    );
    if (ok) formElement.reset();
  }

  const e = action.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormProblems form={ROUND_FORM} message={action.error} fieldErrors={e} />
      {action.done ? (
        <FormMessage tone="success" focus>
          Round created as a draft. Open it when you are ready.
        </FormMessage>
      ) : null}
      <TextField id={roundField("title")} label="Title" name="title" maxLength={200} error={e.title} />
      <TextArea id={roundField("guidance")} label="Guidance for applicants" name="guidance" maxLength={10_000} error={e.guidance} />
      <TextArea id={roundField("eligibility")} label="Who can apply" name="eligibility" rows={3} maxLength={5_000} error={e.eligibility} />
      <TextArea
        id={roundField("criteria")}
        label="Assessment criteria"
        name="criteria"
        rows={4}
        error={e.criteria}
        hint="One per line with its weight; weights add up to 100. For example: Cross-sector partnership, 40"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={roundField("opensAt")} label="Opens on" name="opensAt" type="date" error={e.opensAt} />
        <TextField
          id={roundField("closesAt")}
          label="Closes on"
          name="closesAt"
          type="date"
          error={e.closesAt}
          hint="It closes at the end of this day, UK time."
        />
        <TextField id={roundField("minAwardPence")} label="Smallest award (£)" name="min" inputMode="decimal" error={e.minAwardPence} />
        <TextField id={roundField("maxAwardPence")} label="Largest award (£)" name="max" inputMode="decimal" error={e.maxAwardPence} />
      </div>
      <TextField
        id={roundField("scoreMax")}
        label="Top score for each criterion"
        name="scoreMax"
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        step={1}
        defaultValue={5}
        className="max-w-xs"
        error={e.scoreMax}
        hint="Assessors score every criterion from 0 up to this number (1 to 10)."
      />
      <fieldset id={roundField("requiredSections")} tabIndex={-1} className="space-y-2" aria-describedby="required-sections-hint">
        <legend className="font-semibold">Sections a proposal must complete</legend>
        <p id="required-sections-hint" className="text-sm text-slate-700">
          A proposal can only be submitted once these are filled in. Every proposal needs a title and a budget.
        </p>
        {e.requiredSections ? (
          <p className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {e.requiredSections[0]}
          </p>
        ) : null}
        {PROPOSAL_SECTION_KEYS.map((key) => {
          const fixed = ALWAYS_REQUIRED.includes(key);
          return (
            <label key={key} className="flex items-center gap-2">
              <input type="checkbox" name="requiredSections" value={key} defaultChecked disabled={fixed} className="h-5 w-5" />
              {PROPOSAL_SECTION_LABELS[key]}
              {fixed ? <span className="text-sm text-slate-700">(always required)</span> : null}
            </label>
          );
        })}
      </fieldset>
      <fieldset
        id={roundField("requiredPartnerSectors")}
        tabIndex={-1}
        className="space-y-2"
        aria-describedby="required-partner-sectors-hint"
      >
        <legend className="font-semibold">Partners a proposal must have</legend>
        <p id="required-partner-sectors-hint" className="text-sm text-slate-700">
          A proposal can only be submitted once its organisations include one from each sector ticked. Leave all unticked to
          accept partners from any sector.
        </p>
        {e.requiredPartnerSectors ? (
          <p className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {e.requiredPartnerSectors[0]}
          </p>
        ) : null}
        {SECTORS.map((sector) => (
          <label key={sector} className="flex items-center gap-2">
            <input type="checkbox" name="requiredPartnerSectors" value={sector} className="h-5 w-5" />
            {SECTOR_LABELS[sector]}
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="allowsChangesAfterSubmission"
            defaultChecked
            aria-describedby="allows-changes-hint"
            className="h-5 w-5"
          />
          Authors may take a submitted proposal back to draft before the round closes
        </label>
        <p id="allows-changes-hint" className="text-sm text-slate-700">
          Untick to make a submission final.
        </p>
      </div>
      {priorityAreas.length > 0 ? (
        <fieldset id={roundField("priorityAreaIds")} tabIndex={-1} className="space-y-2">
          <legend className="font-semibold">Priority areas that may apply</legend>
          <p className="text-sm text-slate-700">Leave all unticked to allow every priority area.</p>
          {e.priorityAreaIds ? (
            <p className="font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {e.priorityAreaIds[0]}
            </p>
          ) : null}
          {priorityAreas.map((area) => (
            <label key={area.id} className="flex items-center gap-2">
              <input type="checkbox" name="priorityAreaIds" value={area.id} className="h-5 w-5" />
              {area.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Button type="submit" pending={action.pending} pendingLabel="Creating…">
        Create round
      </Button>
    </form>
  );
}

function RingFenceForm({ fundId, priorityAreas }: { fundId: string; priorityAreas: Option[] }) {
  const trpc = useTRPC();
  const addRingFence = useMutation(trpc.funding.addRingFence.mutationOptions());
  const action = useAction();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const errors: Record<string, string[]> = {};
    const limitPence = poundsOrError(form.get("limit"), "limitPence", errors);
    const priorityAreaId = String(form.get("priorityAreaId") ?? "");
    if (!priorityAreaId) errors.priorityAreaId = ["Choose a priority area"];
    if (Object.keys(errors).length > 0) {
      action.setFieldErrors(errors);
      return;
    }
    await action.run(() => addRingFence.mutateAsync({ fundId, priorityAreaId, limitPence }));
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <SelectField label="Priority area" name="priorityAreaId" defaultValue="" error={action.fieldErrors.priorityAreaId}>
        <option value="">Choose…</option>
        {priorityAreas.map((area) => (
          <option key={area.id} value={area.id}>
            {area.label}
          </option>
        ))}
      </SelectField>
      <TextField label="Amount kept for it (£)" name="limit" inputMode="decimal" error={action.fieldErrors.limitPence} />
      <Button type="submit" variant="secondary" pending={action.pending} pendingLabel="Adding…">
        Add ring-fence
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const CreateRoundFormWithApi = withApi(CreateRoundForm);
const RingFenceFormWithApi = withApi(RingFenceForm);
export { CreateRoundFormWithApi as CreateRoundForm, RingFenceFormWithApi as RingFenceForm };
