import { describe, expect, it } from "vitest";
import { diffWords, tokenize, type DiffPart } from "@/lib/text-diff";

const side = (parts: DiffPart[], kind: "added" | "removed") =>
  parts.filter((part) => part.kind === "same" || part.kind === kind).map((part) => part.text).join("");

describe("diffWords", () => {
  it("cuts text into words and the whitespace between them", () => {
    expect(tokenize("Carers  need\na break")).toEqual(["Carers", "  ", "need", "\n", "a", " ", "break"]);
    expect(tokenize("")).toEqual([]);
  });

  it("finds nothing changed in equal texts", () => {
    expect(diffWords("Short breaks for carers", "Short breaks for carers")).toEqual([
      { kind: "same", text: "Short breaks for carers" },
    ]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("shows a whole new text as added and a deleted one as removed", () => {
    expect(diffWords("", "Weekend respite")).toEqual([{ kind: "added", text: "Weekend respite" }]);
    expect(diffWords("Weekend respite", "")).toEqual([{ kind: "removed", text: "Weekend respite" }]);
  });

  it("marks an inserted word in the middle", () => {
    expect(diffWords("Short breaks for carers", "Short overnight breaks for carers")).toEqual([
      { kind: "same", text: "Short " },
      { kind: "added", text: "overnight " },
      { kind: "same", text: "breaks for carers" },
    ]);
  });

  it("marks a removed word at the end", () => {
    expect(diffWords("Support for young carers", "Support for carers")).toEqual([
      { kind: "same", text: "Support for " },
      { kind: "removed", text: "young " },
      { kind: "same", text: "carers" },
    ]);
  });

  it("shows a replaced run as removed then added, merging the words between", () => {
    expect(diffWords("We will test the cat sat idea", "We will test a dog sat idea")).toEqual([
      { kind: "same", text: "We will test " },
      { kind: "removed", text: "the cat" },
      { kind: "added", text: "a dog" },
      { kind: "same", text: " sat idea" },
    ]);
  });

  it("keeps unchanged words between separate changes", () => {
    const parts = diffWords("one two three four five", "one 2 three four 5");
    expect(parts).toEqual([
      { kind: "same", text: "one " },
      { kind: "removed", text: "two" },
      { kind: "added", text: "2" },
      { kind: "same", text: " three four " },
      { kind: "removed", text: "five" },
      { kind: "added", text: "5" },
    ]);
  });

  it("uses the longest common subsequence, not the first match", () => {
    const parts = diffWords("a b c d", "b c d a");
    expect(parts.filter((part) => part.kind === "same").map((part) => part.text).join("")).toBe("b c d");
    expect(side(parts, "removed")).toBe("a b c d");
    expect(side(parts, "added")).toBe("b c d a");
  });

  it("notices a change in whitespace only (a new line)", () => {
    const parts = diffWords("Line one. Line two.", "Line one.\nLine two.");
    expect(parts).toEqual([
      { kind: "same", text: "Line one." },
      { kind: "removed", text: " " },
      { kind: "added", text: "\n" },
      { kind: "same", text: "Line two." },
    ]);
  });

  it("always rebuilds both texts and never leaves two neighbouring parts of one kind", () => {
    const before = "The project will support 40 carers across North and West Leeds with short breaks and peer groups.";
    const after = "The project will support 60 unpaid carers across West Leeds with overnight short breaks, and peer groups too.";
    const parts = diffWords(before, after);
    expect(side(parts, "removed")).toBe(before);
    expect(side(parts, "added")).toBe(after);
    for (let index = 1; index < parts.length; index++) {
      expect(parts[index]!.kind === parts[index - 1]!.kind && parts[index]!.kind !== "added").toBe(false);
      expect(parts[index]!.text).not.toBe("");
    }
    expect(parts.some((part) => part.kind === "removed" && part.text.includes("40"))).toBe(true);
    expect(parts.some((part) => part.kind === "added" && part.text.includes("60 unpaid"))).toBe(true);
  });

  it("falls back to replacing the whole middle for very long, very different texts", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(" ");
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(" ");
    const parts = diffWords(before, after);
    expect(parts).toEqual([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ]);
  });
});
