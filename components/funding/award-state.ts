import type { Tone } from "@/components/ui/status-tag";
import { SECTOR_SHORT_LABELS, type SectorCode } from "@/lib/sectors";
import { formatDay } from "@/lib/uk-time";
import type { AWARD_STATE_LABELS } from "@/server/domain/funding/labels";

export { AWARD_STATE_LABELS } from "@/server/domain/funding/labels";

export const AWARD_STATE_TONES: Readonly<Record<keyof typeof AWARD_STATE_LABELS, Tone>> = {
  COMMITTED: "info",
  PART_PAID: "warning",
  PAID_IN_FULL: "success",
  COMPLETED: "success",
  WITHDRAWN: "neutral",
};

export const ROUND_STATUS_LABELS = { DRAFT: "Draft", OPEN: "Open", CLOSED: "Closed", DECIDED: "Decided" } as const;

export const ROUND_STATUS_TONES: Readonly<Record<keyof typeof ROUND_STATUS_LABELS, Tone>> = {
  DRAFT: "neutral",
  OPEN: "success",
  CLOSED: "warning",
  DECIDED: "info",
};

/** "1 grant", "3 grants". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/**
 * Kept for the project set-up form, which shows payments' due days with it: a calendar day
 * (a DATE column) as "3 Mar 2027". New code calls formatDay from lib/uk-time directly.
 */
export const dateFormat = { format: (calendarDay: Date) => formatDay(calendarDay, "short") };

/** The next step of a round's lifecycle, in words, from where it is now. */
export const NEXT_ROUND_STATUS = {
  DRAFT: { status: "OPEN", label: "Open the round" },
  OPEN: { status: "CLOSED", label: "Close the round now" },
  CLOSED: { status: "DECIDED", label: "Mark decisions final" },
} as const satisfies Record<string, { status: "OPEN" | "CLOSED" | "DECIDED"; label: string }>;

/** A round's rule on partner sectors in words: "Needs a voluntary-sector and a public-sector partner." */
export function partnerRuleText(sectors: readonly SectorCode[]): string {
  if (sectors.length === 0) return "Partners from any sector.";
  const phrases = sectors.map((sector) => `a ${SECTOR_SHORT_LABELS[sector].toLowerCase()}-sector`);
  const listed = phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(", ")} and ${phrases.at(-1)}`;
  return `Needs ${listed} partner.`;
}
