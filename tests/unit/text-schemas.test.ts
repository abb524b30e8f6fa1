import { describe, expect, it } from "vitest";
import { startThreadInput } from "@/lib/schemas/discussions";
import { createEventInput } from "@/lib/schemas/events";
import { id, multiLine, singleLine } from "@/lib/schemas/text";

function messagesOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.message);
}

describe("the shared string types", () => {
  it("refuse NUL and other control characters in a line, saying where", () => {
    expect(messagesOf(singleLine().safeParse("ab\u0000c"))).toEqual([
      "Remove the unusual character at position 3 (an invisible control character, often from pasted text)",
    ]);
    for (const character of ["\u0001", "\u001b", "\u007f", "\u0085", "\t", "\n", "\r"]) {
      expect(singleLine().safeParse(`a${character}b`).success, JSON.stringify(character)).toBe(false);
    }
  });

  it("allow line breaks and tabs only in text that may span lines", () => {
    expect(multiLine().safeParse("first line\r\nsecond\tline").success).toBe(true);
    expect(multiLine().safeParse("line\u0000").success).toBe(false);
    expect(multiLine().safeParse("bell\u0007").success).toBe(false);
  });

  it("trim before checking, so a stray line break at either end of a line is fine", () => {
    expect(singleLine().parse("  A title\n")).toBe("A title");
  });

  it("count positions in characters a person sees (an emoji is one)", () => {
    expect(messagesOf(singleLine().safeParse("😀\u0000"))[0]).toContain("position 2");
  });

  it("refuse half of a broken character (a lone surrogate)", () => {
    expect(multiLine().safeParse("broken \ud800 text").success).toBe(false);
    expect(multiLine().safeParse("whole 😀 text").success).toBe(true);
  });

  it("accept ordinary text in any language, with accents and emoji", () => {
    expect(singleLine().safeParse("Café für Ärzte – 日本語 👩🏽‍⚕️").success).toBe(true);
  });

  it("accept only cuid-like ids", () => {
    expect(id.safeParse("cmabc123_XY-z").success).toBe(true);
    for (const bad of ["", "a b", "a\u0000", "x".repeat(65), "../etc", "a'b"]) {
      expect(id.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("are used by the procedure schemas", () => {
    const thread = startThreadInput.safeParse({ subGroupId: "sg1", title: "Hello", body: "Hi\u0000", mentionUserIds: [] });
    expect(messagesOf(thread)[0]).toMatch(/^Remove the unusual character at position 3/);
    const event = createEventInput.safeParse({
      partnershipSlug: "p",
      kind: "MEETING",
      title: "Planning\u0000",
      startsAt: "2030-01-01T10:00:00Z",
      endsAt: "2030-01-01T11:00:00Z",
      onlineUrl: "https://example.org/\u0000",
    });
    expect(event.success).toBe(false);
    expect(JSON.stringify(event.error?.issues.map((issue) => issue.path))).toContain("title");
    expect(JSON.stringify(event.error?.issues.map((issue) => issue.path))).toContain("onlineUrl");
  });
});
