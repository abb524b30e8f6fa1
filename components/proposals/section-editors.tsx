"use client";

import { useId, useState } from "react";
import { CheckboxChoice } from "@/components/people/checkbox-choice";
import { Button } from "@/components/ui/button";
import { CharacterCount, SelectField, TextField } from "@/components/ui/form";
import { formatPence, MoneyError, parsePounds } from "@/lib/money";
import { budgetTotalPence } from "@/lib/proposals/section-text";
import { PROPOSAL_TITLE_MAX, type SectionContent } from "@/lib/schemas/proposals";

/**
 * The editors for each kind of proposal section. Each is controlled: it shows `value` and
 * reports every change with `onChange`; the editor page saves. Numbers and money keep what
 * the person typed until it reads as a number, so "12." or "£1,2" never jumps about.
 */

export type Organisation = { id: string; name: string };

type EditorProps<T> = { value: T; onChange: (next: T) => void; labelledBy: string; describedBy?: string };

const inputClass = "block w-full rounded-md border-2 border-slate-700 bg-white px-3 py-2";

const newRowId = () => crypto.randomUUID();

export function ProseEditor({ value, onChange, labelledBy, describedBy, rows = 6, maxLength }: EditorProps<{ text: string }> & { rows?: number; maxLength: number }) {
  // A count of what is left instead of `maxLength`, which would silently cut pasted text.
  const countId = useId();
  const over = value.text.length > maxLength;
  return (
    <>
      <textarea
        aria-labelledby={labelledBy}
        aria-describedby={[describedBy, countId].filter(Boolean).join(" ")}
        aria-invalid={over || undefined}
        value={value.text}
        onChange={(event) => onChange({ text: event.target.value })}
        rows={rows}
        className={inputClass}
      />
      <CharacterCount id={countId} length={value.text.length} max={maxLength} />
    </>
  );
}

/** The one-line title: near the limit a count says how many characters are left, and pasted text is never cut. */
export function TitleEditor({ value, onChange, labelledBy, describedBy }: EditorProps<{ text: string }>) {
  const countId = useId();
  const over = value.text.length > PROPOSAL_TITLE_MAX;
  return (
    <>
      <input
        type="text"
        aria-labelledby={labelledBy}
        aria-describedby={[describedBy, countId].filter(Boolean).join(" ")}
        aria-invalid={over || undefined}
        value={value.text}
        onChange={(event) => onChange({ text: event.target.value })}
        className={inputClass}
      />
      <CharacterCount id={countId} length={value.text.length} max={PROPOSAL_TITLE_MAX} showFrom={0.8} />
    </>
  );
}

/** A number typed as text: reports a number (or null when empty) only once it reads as one. */
function NumberField({
  label,
  value,
  onChange,
  whole = false,
  min,
  max,
  className,
}: {
  label: string;
  value: number | null;
  onChange: (next: number | null) => void;
  whole?: boolean;
  min?: number;
  max?: number;
  className?: string;
}) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [error, setError] = useState<string | null>(null);
  function change(next: string) {
    setText(next);
    const trimmed = next.trim().replaceAll(",", "");
    if (trimmed === "") {
      setError(null);
      onChange(null);
      return;
    }
    const number = Number(trimmed);
    if (!Number.isFinite(number)) return setError("Enter a number, like 40");
    if (whole && !Number.isInteger(number)) return setError("Enter a whole number");
    if (min !== undefined && number < min) return setError(`Enter ${min} or more`);
    if (max !== undefined && number > max) return setError(`Enter ${max} or less`);
    setError(null);
    onChange(number);
  }
  return (
    <TextField
      label={label}
      value={text}
      onChange={(event) => change(event.target.value)}
      inputMode={whole ? "numeric" : "decimal"}
      error={error}
      className={className}
    />
  );
}

function MoneyField({ label, value, onChange }: { label: string; value: number; onChange: (pence: number) => void }) {
  const [text, setText] = useState(value === 0 ? "" : (value / 100).toFixed(2));
  const [error, setError] = useState<string | null>(null);
  function change(next: string) {
    setText(next);
    if (next.trim() === "") {
      setError(null);
      onChange(0);
      return;
    }
    try {
      onChange(parsePounds(next.replace(/^£/, "")));
      setError(null);
    } catch (caught) {
      setError(caught instanceof MoneyError ? caught.message : "Enter an amount in pounds, like 1,250.00");
    }
  }
  return <TextField label={label} value={text} onChange={(event) => change(event.target.value)} inputMode="decimal" error={error} />;
}

function RowFrame({ legend, onRemove, removeLabel, children }: { legend: string; onRemove: () => void; removeLabel: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-3 rounded-md border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      {children}
      <Button variant="quiet" className="-ml-3" onClick={onRemove}>
        Remove<span className="sr-only"> {removeLabel}</span>
      </Button>
    </fieldset>
  );
}

export function MeasuresEditor({ value, onChange }: EditorProps<SectionContent["measures"]>) {
  const items = value.items;
  const set = (index: number, patch: Partial<(typeof items)[number]>) =>
    onChange({ items: items.map((item, at) => (at === index ? { ...item, ...patch } : item)) });
  return (
    <div className="space-y-4">
      {items.map((item, index) => (
        <RowFrame
          key={item.id}
          legend={`Measure ${index + 1}`}
          removeLabel={`measure ${index + 1}`}
          onRemove={() => onChange({ items: items.filter((_, at) => at !== index) })}
        >
          <TextField label="What you will measure" value={item.name} maxLength={200} onChange={(event) => set(index, { name: event.target.value })} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Unit"
              hint="What is counted, like “carers supported”"
              value={item.unit}
              maxLength={60}
              onChange={(event) => set(index, { unit: event.target.value })}
            />
            <SelectField label="Kind" value={item.kind} onChange={(event) => set(index, { kind: event.target.value as "NUMBER" | "PERCENTAGE" })}>
              <option value="NUMBER">A number</option>
              <option value="PERCENTAGE">A percentage</option>
            </SelectField>
            <NumberField label="Baseline (now)" value={item.baseline} onChange={(baseline) => set(index, { baseline })} />
            <NumberField label="Target" value={item.target} onChange={(target) => set(index, { target })} />
          </div>
        </RowFrame>
      ))}
      <Button
        variant="secondary"
        onClick={() => onChange({ items: [...items, { id: newRowId(), name: "", unit: "", kind: "NUMBER", baseline: null, target: null }] })}
      >
        Add a measure
      </Button>
    </div>
  );
}

export function ActivitiesEditor({ value, onChange }: EditorProps<SectionContent["activities"]>) {
  const items = value.items;
  const set = (index: number, patch: Partial<(typeof items)[number]>) =>
    onChange({ items: items.map((item, at) => (at === index ? { ...item, ...patch } : item)) });
  return (
    <div className="space-y-4">
      {items.map((item, index) => (
        <RowFrame
          key={item.id}
          legend={`Activity ${index + 1}`}
          removeLabel={`activity ${index + 1}`}
          onRemove={() => onChange({ items: items.filter((_, at) => at !== index) })}
        >
          <TextField label="What will happen" value={item.activity} maxLength={500} onChange={(event) => set(index, { activity: event.target.value })} />
          <TextField
            label="Done by"
            type="date"
            value={item.by ?? ""}
            onChange={(event) => set(index, { by: event.target.value || null })}
            className="max-w-xs"
          />
        </RowFrame>
      ))}
      <Button variant="secondary" onClick={() => onChange({ items: [...items, { id: newRowId(), activity: "", by: null }] })}>
        Add an activity
      </Button>
    </div>
  );
}

export function PartnersEditor({ value, onChange, organisations }: EditorProps<SectionContent["partners"]> & { organisations: Organisation[] }) {
  const chosen = new Set(value.organisationIds);
  function toggle(id: string, on: boolean) {
    const ids = on ? [...value.organisationIds, id] : value.organisationIds.filter((other) => other !== id);
    onChange({ leadOrganisationId: !on && value.leadOrganisationId === id ? null : value.leadOrganisationId, organisationIds: ids });
  }
  return (
    <div className="space-y-4">
      <SelectField
        label="Lead organisation"
        hint="Leads the project and receives any award."
        value={value.leadOrganisationId ?? ""}
        onChange={(event) => {
          const lead = event.target.value || null;
          onChange({ leadOrganisationId: lead, organisationIds: lead && !chosen.has(lead) ? [lead, ...value.organisationIds] : value.organisationIds });
        }}
      >
        <option value="">Not chosen yet</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="min-w-0">
        <legend className="font-semibold">Partner organisations</legend>
        <p className="text-sm text-slate-700">Every organisation that takes part, including the lead.</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {organisations.map((organisation) => (
            <CheckboxChoice
              key={organisation.id}
              name="partners"
              label={organisation.name}
              checked={chosen.has(organisation.id)}
              onChange={(on) => toggle(organisation.id, on)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function BudgetEditor({
  value,
  onChange,
  organisations,
  maxAwardPence,
}: EditorProps<SectionContent["budget"]> & { organisations: Organisation[]; maxAwardPence: number | null }) {
  const lines = value.lines;
  const total = budgetTotalPence(value);
  const set = (index: number, patch: Partial<(typeof lines)[number]>) =>
    onChange({ lines: lines.map((line, at) => (at === index ? { ...line, ...patch } : line)) });
  return (
    <div className="space-y-4">
      {lines.map((line, index) => (
        <RowFrame
          key={line.id}
          legend={`Budget line ${index + 1}`}
          removeLabel={`budget line ${index + 1}`}
          onRemove={() => onChange({ lines: lines.filter((_, at) => at !== index) })}
        >
          <TextField label="Item" value={line.item} maxLength={200} onChange={(event) => set(index, { item: event.target.value })} />
          <div className="grid gap-3 sm:grid-cols-2">
            <MoneyField label="Amount (£)" value={line.amountPence} onChange={(amountPence) => set(index, { amountPence })} />
            <SelectField
              label="Spent by"
              value={line.organisationId ?? ""}
              onChange={(event) => set(index, { organisationId: event.target.value || null })}
            >
              <option value="">Not decided</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </SelectField>
          </div>
        </RowFrame>
      ))}
      <Button
        variant="secondary"
        onClick={() => onChange({ lines: [...lines, { id: newRowId(), item: "", amountPence: 0, organisationId: null }] })}
      >
        Add a budget line
      </Button>
      <p aria-live="polite" className="text-lg font-semibold">
        Total requested: {formatPence(total)}
      </p>
      {maxAwardPence !== null && total > maxAwardPence ? (
        <p className="border-l-4 border-red-800 pl-3 font-semibold text-red-800">
          This is more than the round&apos;s largest award, {formatPence(maxAwardPence)}. Reduce the budget before you submit.
        </p>
      ) : null}
    </div>
  );
}

export function DurationEditor({ value, onChange }: EditorProps<SectionContent["duration"]>) {
  return (
    <div className="max-w-xs">
      <NumberField label="Months" whole min={1} max={60} value={value.months} onChange={(months) => onChange({ months })} />
    </div>
  );
}
