"use client";

import { useEffect, useId, useRef, useState, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

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

/** The length of a field's text, followed as it changes whether the field is controlled or not. */
function useLength<E extends HTMLInputElement | HTMLTextAreaElement>(
  value: unknown,
  defaultValue: unknown,
  onChange: ((event: ChangeEvent<E>) => void) | undefined,
) {
  const [typed, setTyped] = useState(() => String(defaultValue ?? "").length);
  const length = value !== undefined && value !== null ? String(value).length : typed;
  const handleChange = (event: ChangeEvent<E>) => {
    setTyped(event.target.value.length);
    onChange?.(event);
  };
  return { length, handleChange };
}

/**
 * A one-line text input. `maxLength` is never put on the element (it would cut pasted text
 * silently): near the limit a count says how many characters are left.
 */
export function TextField({
  label,
  hint,
  error,
  className,
  maxLength,
  ...input
}: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "className">) {
  const generated = useId();
  const id = input.id ?? generated;
  const { length, handleChange } = useLength(input.value, input.defaultValue, input.onChange);
  const countId = `${id}-count`;
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(describedBy, invalid) => (
        <>
          <input
            {...input}
            onChange={handleChange}
            id={id}
            aria-describedby={[describedBy, maxLength ? countId : null].filter(Boolean).join(" ") || undefined}
            aria-invalid={invalid || (maxLength !== undefined && length > maxLength) || undefined}
            className={controlClass(invalid)}
          />
          {maxLength ? <CharacterCount id={countId} length={length} max={maxLength} showFrom={0.8} /> : null}
        </>
      )}
    </Field>
  );
}

/** A multi-line text box; with `maxLength` it shows a character count instead of cutting text. */
export function TextArea({
  label,
  hint,
  error,
  className,
  maxLength,
  ...textarea
}: FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "className">) {
  const generated = useId();
  const id = textarea.id ?? generated;
  const { length, handleChange } = useLength(textarea.value, textarea.defaultValue, textarea.onChange);
  const countId = `${id}-count`;
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(describedBy, invalid) => (
        <>
          <textarea
            rows={4}
            {...textarea}
            onChange={handleChange}
            id={id}
            aria-describedby={[describedBy, maxLength ? countId : null].filter(Boolean).join(" ") || undefined}
            aria-invalid={invalid || (maxLength !== undefined && length > maxLength) || undefined}
            className={controlClass(invalid)}
          />
          {maxLength ? <CharacterCount id={countId} length={length} max={maxLength} /> : null}
        </>
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
/**
 * The result of a form or an in-page action. With `focus` it takes focus when it appears (and
 * again once a closing confirmation has handed focus back to its button), so keyboard and
 * screen-reader users land on what happened rather than on the page body or a row that may
 * have gone (WCAG 2.4.3). Mount it afresh for each result, or pass the result as `focusKey`.
 */
export function FormMessage({
  tone,
  focus = false,
  focusKey,
  children,
}: {
  tone: "error" | "success";
  focus?: boolean;
  /** Focus again whenever this changes (e.g. the result object of the latest action). */
  focusKey?: unknown;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    box.current?.focus();
    // A refresh of the page's server parts can drop focus to the body just after; take it
    // back then, but never from a control the person has since moved to.
    const settle = window.setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body) box.current?.focus();
    }, 150);
    return () => window.clearTimeout(settle);
  }, [focus, focusKey]);
  return (
    <div
      ref={box}
      tabIndex={focus ? -1 : undefined}
      role={tone === "error" ? "alert" : "status"}
      data-testid={focus ? "action-notice" : undefined}
      className={`rounded-md border-l-4 p-3 font-semibold outline-offset-4 focus-visible:ring-2 focus-visible:ring-brand-800 ${tone === "error" ? "border-red-800 bg-red-50 text-red-900" : "border-green-800 bg-green-50 text-green-900"}`}
    >
      {children}
    </div>
  );
}

/**
 * "There is a problem": the form's error and, below it, what to fix, one link per field that
 * moves to that field (GOV.UK's error summary). Put it at the top of the form; it takes focus
 * whenever it appears or its problems change, so the person hears what went wrong at once.
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
  const box = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const signature = `${message}|${problems.map(([key, problem]) => `${key}:${problem}`).join("|")}`;
  useEffect(() => {
    box.current?.focus();
    box.current?.scrollIntoView?.({ block: "start" });
  }, [signature]);
  // The server's message often repeats a field's own; say it once.
  const listed = new Set(problems.map(([, problem]) => problem));
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby={headingId}
      className="mb-6 rounded-md border-4 border-red-800 bg-white p-4 text-slate-900 focus:outline-4 focus:outline-offset-2 focus:outline-amber-400"
    >
      <h2 id={headingId} className="text-xl font-bold text-red-900">
        There is a problem
      </h2>
      {listed.has(message) ? null : <p className="mt-2 font-semibold">{message}</p>}
      {problems.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {problems.map(([key, problem]) => (
            <li key={key}>
              <a
                href={`#${hrefFor(key)}`}
                className="font-semibold text-red-900! underline"
                onClick={(event) => {
                  const target = document.getElementById(hrefFor(key));
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  (target.closest("div") ?? target).scrollIntoView({ block: "center" });
                }}
              >
                {problem}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * How many characters are left, instead of `maxLength` silently cutting pasted text (GOV.UK
 * character count). Announced politely once typing pauses; over the limit it turns to an error
 * in words, and the server refuses the text with the same limit.
 */
export function CharacterCount({ id, length, max, showFrom = 0 }: { id: string; length: number; max: number; showFrom?: number }) {
  const [announced, setAnnounced] = useState(length);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(length), 750);
    return () => clearTimeout(timer);
  }, [length]);
  if (length < showFrom * max) return <span id={id} hidden />;
  const describe = (count: number) => {
    const left = max - count;
    const n = Math.abs(left).toLocaleString("en-GB");
    return left >= 0
      ? `You have ${n} ${Math.abs(left) === 1 ? "character" : "characters"} remaining`
      : `You have ${n} ${Math.abs(left) === 1 ? "character" : "characters"} too many`;
  };
  const over = length > max;
  return (
    <>
      <p id={id} className={`text-sm ${over ? "font-semibold text-red-800" : "text-slate-700"}`} aria-hidden="true">
        {describe(length)}
      </p>
      <span className="sr-only" aria-live="polite">
        {describe(announced)}
      </span>
    </>
  );
}
