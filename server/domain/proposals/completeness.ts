import { formatPence } from "@/lib/money";
import { formatDateTime } from "@/lib/uk-time";
import { SECTOR_SHORT_LABELS, type SectorCode } from "@/lib/sectors";
import { budgetTotalPence } from "@/lib/proposals/section-text";
import { PROPOSAL_SECTION_KEYS, type ProposalSectionKey, type SectionContent } from "@/lib/schemas/proposals";
import type { RoundStatus } from "@/server/db/generated/enums";
import { effectiveRoundStatus, roundClosedAt } from "@/server/domain/funding/rounds";

/**
 * What stops a proposal being submitted: a pure function of its sections, its round and
 * the time, so the editor can list it live and submission checks exactly the same rules.
 */

export type MissingItem = { section: ProposalSectionKey | "round" | "documents"; message: string };

export type RoundForSubmission = {
  title: string;
  status: RoundStatus;
  closesAt: Date;
  /** Set when the round was closed by hand before its closing time. */
  closedAt?: Date | null;
  minAwardPence: number;
  maxAwardPence: number;
  /** Section keys the round requires (unknown keys are ignored). */
  requiredSections: readonly string[];
  /** Sectors that must each be among the proposal's organisations; empty means any. */
  requiredPartnerSectors?: readonly SectorCode[];
  /** Documents every proposal must attach (e.g. "Constitution"); unset or empty means none. */
  requiredDocuments?: readonly string[];
};

/**
 * The sectors of the organisations behind a proposal: those named in its partners section
 * (looked up by id) and its authors' own organisations.
 */
export type ProposalOrganisations = {
  sectorByOrganisationId: ReadonlyMap<string, SectorCode>;
  authorSectors: readonly SectorCode[];
};

const NO_ORGANISATIONS: ProposalOrganisations = { sectorByOrganisationId: new Map(), authorSectors: [] };

const sectorPhrase = (sector: SectorCode) => `${SECTOR_SHORT_LABELS[sector].toLowerCase()}-sector`;

function listInWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * The round's eligibility rule on partner sectors, as a sentence naming what is missing:
 * "This round needs a public-sector partner: add one in Partners (you have voluntary-sector only)."
 */
export function missingPartnerSectors(
  round: Pick<RoundForSubmission, "requiredPartnerSectors">,
  sections: Pick<SectionContent, "partners">,
  organisations: ProposalOrganisations,
): string | null {
  const required = round.requiredPartnerSectors ?? [];
  if (required.length === 0) return null;
  const ids = [...sections.partners.organisationIds, sections.partners.leadOrganisationId].filter((id): id is string => Boolean(id));
  const present = new Set<SectorCode>(organisations.authorSectors);
  for (const id of ids) {
    const sector = organisations.sectorByOrganisationId.get(id);
    if (sector) present.add(sector);
  }
  const absent = required.filter((sector) => !present.has(sector));
  if (absent.length === 0) return null;
  const needed = listInWords(absent.map((sector) => `a ${sectorPhrase(sector)} partner`));
  const all = listInWords(required.map((sector) => `a ${sectorPhrase(sector)}`));
  return `This round needs ${all} partner among the proposal’s organisations. Add ${needed} in Partners.`;
}

/** When a round closed, as every other date and time reads: "3 March 2021 at 5pm" (UK time). */
export function formatDeadline(date: Date): string {
  return formatDateTime(date);
}

/** Whether a round takes submissions now, and if not a sentence saying why. */
export function roundClosedReason(round: Pick<RoundForSubmission, "title" | "status" | "closesAt" | "closedAt">, now: Date): string | null {
  const status = effectiveRoundStatus(round, now);
  if (status === "OPEN") return null;
  if (status === "DRAFT") return `“${round.title}” has not opened yet, so it does not take proposals.`;
  return `“${round.title}” closed on ${formatDeadline(roundClosedAt(round))}, so it no longer takes proposals.`;
}

/** Some letters or digits, not just spaces and punctuation. */
export function hasRealText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function requiredSectionsOf(round: Pick<RoundForSubmission, "requiredSections">): ProposalSectionKey[] {
  return PROPOSAL_SECTION_KEYS.filter((key) => round.requiredSections.includes(key));
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

type SectionCheck<K extends ProposalSectionKey> = (content: SectionContent[K], sections: SectionContent) => string[];

const proseCheck =
  (what: string): SectionCheck<"summary" | "need" | "hypothesis" | "sustainability" | "risks"> =>
  (content) =>
    hasRealText(content.text) ? [] : [`Write ${what}.`];

const SECTION_CHECKS: { [K in ProposalSectionKey]: SectionCheck<K> } = {
  title: (content) => (hasRealText(content.text) ? [] : ["Give the proposal a title."]),
  summary: proseCheck("a short summary"),
  need: proseCheck("about the need this proposal meets"),
  hypothesis: proseCheck("what you are testing and how you will know it worked"),
  measures: ({ items }) => {
    if (items.length === 0) return ["Add at least one success measure, with a target."];
    const incomplete = items.filter((item) => !hasRealText(item.name) || item.target === null).length;
    return incomplete === 0 ? [] : [`Give every success measure a name and a target (${plural(incomplete, "is", "are")} incomplete).`];
  },
  activities: ({ items }) => {
    if (items.length === 0) return ["Add at least one activity to the timeline."];
    const blank = items.filter((item) => !hasRealText(item.activity)).length;
    return blank === 0 ? [] : [`Describe every activity (${plural(blank, "has", "have")} no description).`];
  },
  partners: ({ leadOrganisationId }) => (leadOrganisationId ? [] : ["Choose the lead organisation, which would receive any award."]),
  budget: ({ lines }, sections) => {
    if (lines.length === 0) return ["Add at least one budget line."];
    const messages: string[] = [];
    const unnamed = lines.filter((line) => !hasRealText(line.item)).length;
    if (unnamed > 0) messages.push(`Say what every budget line is for (${plural(unnamed, "line has", "lines have")} no item).`);
    const zero = lines.filter((line) => line.amountPence <= 0).length;
    if (zero > 0) messages.push(`Give every budget line an amount above £0 (${plural(zero, "line is", "lines are")} £0).`);
    const partners = new Set([...sections.partners.organisationIds, sections.partners.leadOrganisationId]);
    const outside = lines.filter((line) => !line.organisationId || !partners.has(line.organisationId)).length;
    if (outside > 0) {
      messages.push(
        `Give every budget line to one of the partner organisations (${plural(outside, "line is", "lines are")} not).`,
      );
    }
    return messages;
  },
  duration: ({ months }) => (months === null ? ["Say how many months the project will run."] : []),
  sustainability: proseCheck("how the project would carry on or grow after the funding"),
  risks: proseCheck("about the risks and how you will manage them"),
};

function checkSection<K extends ProposalSectionKey>(key: K, sections: SectionContent): string[] {
  return SECTION_CHECKS[key](sections[key], sections);
}

/**
 * Everything that stops submission now, in the editor's order: the round (chosen, open),
 * each section the round requires, and the budget against the round's award range. The
 * title is always required. An empty list means the proposal can be submitted.
 */
export function missingForSubmission(
  sections: SectionContent,
  round: RoundForSubmission | null,
  now: Date,
  organisations: ProposalOrganisations = NO_ORGANISATIONS,
  /** The required documents the proposal has a file for (its files' slots). */
  attachedDocuments: readonly string[] = [],
): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!round) {
    missing.push({ section: "round", message: "Choose the funding round this proposal is for." });
  } else {
    const closed = roundClosedReason(round, now);
    if (closed) missing.push({ section: "round", message: closed });
  }
  const required = new Set<ProposalSectionKey>(round ? requiredSectionsOf(round) : PROPOSAL_SECTION_KEYS);
  required.add("title");
  for (const key of PROPOSAL_SECTION_KEYS) {
    if (required.has(key)) {
      for (const message of checkSection(key, sections)) missing.push({ section: key, message });
    }
    if (key === "partners" && round) {
      const sectors = missingPartnerSectors(round, sections, organisations);
      if (sectors) missing.push({ section: "partners", message: sectors });
    }
  }
  if (round) {
    const attached = new Set(attachedDocuments);
    for (const document of round.requiredDocuments ?? []) {
      if (!attached.has(document)) missing.push({ section: "documents", message: `Attach the required document “${document}”.` });
    }
    const total = budgetTotalPence(sections.budget);
    if (total > round.maxAwardPence) {
      missing.push({
        section: "budget",
        message: `The budget of ${formatPence(total)} is above this round's maximum of ${formatPence(round.maxAwardPence)}.`,
      });
    } else if (total < round.minAwardPence && sections.budget.lines.length > 0) {
      missing.push({
        section: "budget",
        message: `The budget of ${formatPence(total)} is below this round's minimum of ${formatPence(round.minAwardPence)}.`,
      });
    }
  }
  return missing;
}

/** The fieldErrors of a refused submission: each section's messages under its key. */
export function missingAsFieldErrors(missing: readonly MissingItem[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const item of missing) (fieldErrors[item.section] ??= []).push(item.message);
  return fieldErrors;
}

/** "This proposal is not ready to submit: 3 things need attention." */
export function notReadyMessage(count: number): string {
  return `This proposal is not ready to submit: ${count === 1 ? "1 thing needs" : `${count} things need`} attention.`;
}
