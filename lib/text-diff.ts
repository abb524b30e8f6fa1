/**
 * A word-by-word difference between two texts, for comparing revisions of a proposal.
 * Both texts are cut into words and runs of whitespace; the longest common subsequence
 * of those pieces is kept as "same", the rest is "removed" (only in the old text) or
 * "added" (only in the new one). Neighbouring pieces of the same kind are merged, and a
 * replacement reads as the removed words followed by the added ones.
 */

export type DiffKind = "same" | "added" | "removed";
export type DiffPart = { kind: DiffKind; text: string };

/**
 * Above this many table cells (old pieces × new pieces, after the shared start and end
 * are set aside) the texts are shown as wholly replaced rather than compared word by word.
 */
const MAX_CELLS = 12_000_000;

/** Words and the whitespace between them, in order: joined back together they give the text. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffKind, text: string) {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The pieces between a shared start and end, compared by longest common subsequence. */
function diffMiddle(before: string[], after: string[], parts: DiffPart[]) {
  const n = before.length;
  const m = after.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    push(parts, "removed", before.join(""));
    push(parts, "added", after.join(""));
    return;
  }
  // lengths[i][j]: the longest common subsequence of before[i..] and after[j..].
  const width = m + 1;
  // An LCS is never longer than the shorter side, so 16 bits hold it while both sides fit.
  const lengths = n < 65_535 && m < 65_535 ? new Uint16Array((n + 1) * width) : new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[i] === after[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let removed = "";
  let added = "";
  const flush = () => {
    push(parts, "removed", removed);
    push(parts, "added", added);
    removed = "";
    added = "";
  };
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      flush();
      push(parts, "same", before[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      removed += before[i++];
    } else {
      added += after[j++];
    }
  }
  while (i < n) removed += before[i++];
  while (j < m) added += after[j++];
  flush();
}

/** How `before` became `after`, word by word. Joining the "same" and "removed" parts gives `before`; "same" and "added" give `after`. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start).join(""));
  diffMiddle(a.slice(start, endA), b.slice(start, endB), parts);
  push(parts, "same", a.slice(endA).join(""));
  return absorbLoneSpaces(parts);
}

/**
 * A lone space kept between two changes ("the cat" → "a dog" keeps the space between the
 * words) reads better as part of the change: "the cat" removed, "a dog" added.
 */
function absorbLoneSpaces(parts: DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    push(result, "removed", removed);
    push(result, "added", added);
    removed = "";
    added = "";
  };
  parts.forEach((part, index) => {
    const between = index > 0 && index < parts.length - 1;
    if (part.kind === "removed") removed += part.text;
    else if (part.kind === "added") added += part.text;
    else if (between && /^\s+$/.test(part.text)) {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      push(result, "same", part.text);
    }
  });
  flush();
  return result;
}
