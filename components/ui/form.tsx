"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

/**
 * Accessible form fields in the GOV.UK pattern: label, optional hint, error message tied
 * to the control with aria-describedby, and aria-invalid when in error.
 */

type FieldChrome = { label: string; hint?: ReactNode; error?: string | string[] | null; className?: string };

function firstError(error: FieldChrome["error"]): string | null {
  if (!error) return null;
  return Array.isArray(error) ? (error[0] ?? null) : error;
}

function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FieldChrome & { id: string; children: (describedBy: string | undefined, invalid: boolean) => ReactNode }) {
  const message = firstError(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${message ? "border-l-4 border-red-800 pl-3" : ""} ${className ?? ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {message}
        </p>
      ) : null}
      {children(describedBy, Boolean(message))}
    </div>
  );
}

const controlClass = (invalid: boolean) =>
  `block w-full rounded-md border-2 bg-white px-3 py-2 ${invalid ? "border-red-800" : "border-slate-700"}`;

export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "className">) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(describedBy, invalid) => (
        <input
          {...input}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={controlClass(invalid)}
        />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  hint,
  error,
  className,
  ...textarea
}: FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "className">) {
  const generated = useId();
  const id = textarea.id ?? generated;
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(describedBy, invalid) => (
        <textarea
          rows={4}
          {...textarea}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={controlClass(invalid)}
        />
      )}
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  error,
  className,
  children,
  ...select
}: FieldChrome & Omit<SelectHTMLAttributes<HTMLSelectElement>, "className">) {
  const generated = useId();
  const id = select.id ?? generated;
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(describedBy, invalid) => (
        <select
          {...select}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={controlClass(invalid)}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

/** A message for the whole form (e.g. a conflict the server reported), announced to screen readers; may hold a list. */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border-l-4 p-3 font-semibold ${tone === "error" ? "border-red-800 bg-red-50 text-red-900" : "border-green-800 bg-green-50 text-green-900"}`}
    >
      {children}
    </div>
  );
}

/**
 * The form's error and, below it, what to fix: one link per field, each moving to that
 * field (GOV.UK's error summary pattern), all inside the announced alert.
 */
export function ErrorSummary({
  message,
  problems,
  hrefFor,
}: {
  message: string;
  /** [field key, message] pairs, in the order the fields appear. */
  problems: readonly (readonly [string, string])[];
  /** The id of the control for a field key (without "#"). */
  hrefFor: (key: string) => string;
}) {
  return (
    <FormMessage tone="error">
      {message}
      {problems.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 font-normal">
          {problems.map(([key, problem]) => (
            <li key={key}>
              <a href={`#${hrefFor(key)}`}>{problem}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </FormMessage>
  );
}
