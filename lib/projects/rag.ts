import type { RagStatus } from "@/server/db/generated/enums";

/**
 * How a project is doing, in plain words. Members pick red, amber or green on the progress
 * update with these words as the explanation; the public page and its CSV use the words alone.
 */
export const RAG_PLAIN_WORDS: Readonly<Record<RagStatus, string>> = {
  GREEN: "On track",
  AMBER: "Some problems",
  RED: "Serious problems",
};

/** What each rating means, after its plain words: "On track: going to plan." */
export const RAG_MEANINGS: Readonly<Record<RagStatus, string>> = {
  GREEN: "going to plan.",
  AMBER: "the team has them in hand.",
  RED: "the project needs help or a decision.",
};

/** The explanation a member sees beside each rating. */
export const ragExplained = (rag: RagStatus) => `${RAG_PLAIN_WORDS[rag]}: ${RAG_MEANINGS[rag]}`;
