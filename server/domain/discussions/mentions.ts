/**
 * Bodies are stored as the plain text people typed. Mentions are written "@Name" (the
 * composer's "Mention someone" picker inserts them); when a post is shown, the names of
 * the partnership's people are found in the text so they can be highlighted. Nothing
 * here produces HTML: the page renders the segments as text.
 */
export type BodySegment = { kind: "text"; text: string } | { kind: "mention"; text: string; userId: string };

export type MentionCandidate = { id: string; name: string };

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** Splits a post into text and "@Name" mentions of the given people (longest name wins). */
export function segmentMentions(body: string, people: readonly MentionCandidate[]): BodySegment[] {
  const candidates = people
    .map((person) => ({ id: person.id, name: person.name.trim(), lower: person.name.trim().toLocaleLowerCase("en-GB") }))
    .filter((person) => person.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const segments: BodySegment[] = [];
  let text = "";
  let index = 0;
  while (index < body.length) {
    const character = body[index]!;
    // "@" starts a mention only at the start of a word, so email addresses stay text.
    const startsWord = index === 0 || !WORD_CHARACTER.test(body[index - 1]!);
    if (character === "@" && startsWord && candidates.length > 0) {
      const match = candidates.find((person) => {
        const end = index + 1 + person.name.length;
        if (body.slice(index + 1, end).toLocaleLowerCase("en-GB") !== person.lower) return false;
        return end >= body.length || !WORD_CHARACTER.test(body[end]!);
      });
      if (match) {
        if (text) segments.push({ kind: "text", text });
        text = "";
        const length = 1 + match.name.length;
        segments.push({ kind: "mention", text: body.slice(index, index + length), userId: match.id });
        index += length;
        continue;
      }
    }
    text += character;
    index += 1;
  }
  if (text) segments.push({ kind: "text", text });
  return segments;
}

/** The first part of a post, on one line, for notifications and emails. */
export function excerpt(body: string, max = 200): string {
  const oneLine = body.replace(/\s+/g, " ").trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
