import { describe, expect, it } from "vitest";
import { RAG_PLAIN_WORDS, ragExplained } from "@/lib/projects/rag";

describe("how a project is doing, in plain words", () => {
  it("never says RAG or a colour to the public", () => {
    for (const words of Object.values(RAG_PLAIN_WORDS)) {
      expect(words).not.toMatch(/rag|red|amber|green/i);
    }
    expect(RAG_PLAIN_WORDS).toEqual({ GREEN: "On track", AMBER: "Some problems", RED: "Serious problems" });
  });

  it("explains each rating to members with the same words the public sees", () => {
    expect(ragExplained("GREEN")).toBe("On track: going to plan.");
    expect(ragExplained("AMBER")).toBe("Some problems: the team has them in hand.");
    expect(ragExplained("RED")).toBe("Serious problems: the project needs help or a decision.");
  });
});
