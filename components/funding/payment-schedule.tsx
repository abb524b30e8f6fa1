"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form";
import { MoneyError, parsePounds } from "@/lib/money";
import { fieldId } from "./form-problems";

/**
 * The payment schedule of an award, shared by every form that awards a grant: rows of
 * amount and due date that must add up to the award.
 */

export const MAX_PAYMENTS = 24;

type Row = { key: number };
type FieldErrors = Record<string, string[] | undefined>;

export function usePaymentRows() {
  const [rows, setRows] = useState<Row[]>([{ key: 1 }]);
  return { rows, setRows, reset: () => setRows([{ key: 1 }]) };
}

/** Pounds typed in a form field, as pence; a message in `errors[key]` when it does not read. */
export function readPounds(form: FormData, field: string, key: string, errors: Record<string, string[]>): number {
  try {
    return parsePounds(String(form.get(field) ?? ""));
  } catch (error) {
    errors[key] = [error instanceof MoneyError ? error.message : "Enter an amount"];
    return 0;
  }
}

/**
 * The schedule as typed. With `blankSinglePaysAll`, one payment left blank is the whole award.
 * Field errors are keyed as the API keys them (`tranches.0.amountPence`).
 */
export function readPaymentSchedule(
  form: FormData,
  rows: readonly Row[],
  awardPence: number,
  errors: Record<string, string[]>,
  { blankSinglePaysAll = false } = {},
): { amountPence: number; dueOn: Date }[] {
  return rows.map((row, index) => {
    const amountField = `tranche-${row.key}-amount`;
    const dueOn = String(form.get(`tranche-${row.key}-due`) ?? "");
    if (!dueOn) errors[`tranches.${index}.dueOn`] = ["Enter the date the payment is due"];
    const blank = String(form.get(amountField) ?? "").trim() === "";
    const amountPence =
      blankSinglePaysAll && rows.length === 1 && blank ? awardPence : readPounds(form, amountField, `tranches.${index}.amountPence`, errors);
    return { amountPence, dueOn: new Date(dueOn) };
  });
}

export function PaymentScheduleFieldset({
  rows,
  setRows,
  errors,
  hint,
  firstDueOn,
  form = "award",
}: {
  rows: Row[];
  setRows: (rows: Row[]) => void;
  errors: FieldErrors;
  hint?: string;
  /** yyyy-mm-dd to fill the first payment's date with. */
  firstDueOn?: string;
  /** The prefix of the form's control ids, for its error summary. */
  form?: string;
}) {
  return (
    <fieldset id={fieldId(form, "tranches")} tabIndex={-1} className="space-y-3 rounded-md border border-slate-300 p-4">
      <legend className="px-1 font-semibold">Payment schedule</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {errors.tranches ? (
        <p className="font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {errors.tranches[0]}
        </p>
      ) : null}
      {rows.map((row, index) => (
        <div key={row.key} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
          <TextField
            id={fieldId(form, `tranches.${index}.amountPence`)}
            label={`Payment ${index + 1} (£)`}
            name={`tranche-${row.key}-amount`}
            inputMode="decimal"
            error={errors[`tranches.${index}.amountPence`]}
          />
          <TextField
            id={fieldId(form, `tranches.${index}.dueOn`)}
            label={`Payment ${index + 1} due on`}
            name={`tranche-${row.key}-due`}
            type="date"
            defaultValue={index === 0 ? firstDueOn : undefined}
            error={errors[`tranches.${index}.dueOn`]}
          />
          {rows.length > 1 ? (
            <Button variant="quiet" className="justify-self-start" onClick={() => setRows(rows.filter((other) => other.key !== row.key))}>
              Remove payment {index + 1}
            </Button>
          ) : null}
        </div>
      ))}
      {rows.length < MAX_PAYMENTS ? (
        <Button variant="secondary" onClick={() => setRows([...rows, { key: Math.max(...rows.map((row) => row.key)) + 1 }])}>
          Add a payment
        </Button>
      ) : null}
    </fieldset>
  );
}
