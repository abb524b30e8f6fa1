import { z } from "zod";

/**
 * The string types every procedure input is built from. Text a person typed may not carry
 * control characters (NUL and the like): they cannot be stored, they hide what the text
 * says, and they usually arrive with pasted text. Line breaks and tabs are allowed only in
 * text that may span lines. Ids are short and plain (cuid-like).
 */

/** Control characters (Unicode Cc) and halves of broken characters (lone surrogates). */
const UNUSUAL_IN_LINE = /\p{Cc}|\p{Cs}/u;
/** The same, except tab, line feed and carriage return. */
const UNUSUAL_IN_TEXT = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

/** The message for text holding such a character, counting characters from 1 as a person would. */
export function unusualCharacterMessage(value: string, index: number): string {
  const position = Array.from(value.slice(0, index)).length + 1;
  return `Remove the unusual character at position ${position.toLocaleString("en-GB")} (an invisible control character, often from pasted text)`;
}

/** Where the first character a person could not have meant to type sits, or -1. */
export function unusualCharacterIndex(value: string, options: { multiline: boolean }): number {
  const match = (options.multiline ? UNUSUAL_IN_TEXT : UNUSUAL_IN_LINE).exec(value);
  return match ? match.index : -1;
}

function refuseUnusual(multiline: boolean) {
  return (value: string, context: z.RefinementCtx<string>) => {
    const index = unusualCharacterIndex(value, { multiline });
    if (index >= 0) context.addIssue({ code: "custom", message: unusualCharacterMessage(value, index) });
  };
}

type TextOptions = {
  /** Remove spaces and line breaks at either end first (the default). */
  trim?: boolean;
  /** The message when the value is not a string at all. */
  error?: string;
};

/**
 * One line of text (a title, a name, a search): no control characters at all, not even
 * line breaks or tabs. Trimmed first, so a stray line break at either end is not refused.
 */
export function singleLine(options: TextOptions = {}) {
  const base = options.error ? z.string({ error: options.error }) : z.string();
  return (options.trim === false ? base : base.trim()).superRefine(refuseUnusual(false));
}

/** Text that may span lines (a description, a message, a reason): line breaks and tabs allowed. */
export function multiLine(options: TextOptions = {}) {
  const base = options.error ? z.string({ error: options.error }) : z.string();
  return (options.trim === false ? base : base.trim()).superRefine(refuseUnusual(true));
}

/** "Use 2,000 characters or fewer". */
export const fewerThan = (max: number) => `Use ${max.toLocaleString("en-GB")} characters or fewer`;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const ID_MESSAGE = "That reference is not valid";

/**
 * The id of a record (cuid-like: letters, digits, `_` and `-`, at most 64 characters), or
 * of a row a form made up. The messages can be set where a person chooses the id in a form.
 */
export function recordId(options: { error?: string; max?: number } = {}) {
  const base = options.error ? z.string({ error: options.error }) : z.string();
  return base
    .min(1, options.error ?? ID_MESSAGE)
    .max(options.max ?? 64, ID_MESSAGE)
    .regex(ID_PATTERN, ID_MESSAGE);
}

/** The usual id field. */
export const id = recordId();

/**
 * A key a client makes up (idempotency keys, template keys, audit actions): plain
 * characters only, no spaces or punctuation beyond `_ - . : /`.
 */
export const plainKey = (min: number, max: number) =>
  z
    .string()
    .min(min, ID_MESSAGE)
    .max(max, ID_MESSAGE)
    .regex(/^[A-Za-z0-9_\-.:/]+$/, ID_MESSAGE);
