import { formatPence } from "@/lib/money";
import type { ProposalSectionKey, SectionContent } from "@/lib/schemas/proposals";
import { formatDay, storedDay } from "@/lib/uk-time";

/**
 * Each proposal section as plain, readable text: what revisions are compared on, and what
 * a reader sees when the structured sections (measures, activities, partners, budget) are
 * shown as prose. Organisation ids are turned into names by the caller's lookup.
 */

export type OrganisationName = (organisationId: string) => string;

/** "2021-06-30" → "30 June 2021"; anything that is not a real day is shown as it was typed. */
export function formatIsoDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(storedDay(isoDate).getTime())) return isoDate;
  return formatDay(isoDate);
}

function formatNumber(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

function measureText(measure: SectionContent["measures"]["items"][number]): string {
  const amount = (value: number) =>
    measure.kind === "PERCENTAGE" ? `${formatNumber(value)}%` : `${formatNumber(value)}${measure.unit ? ` ${measure.unit}` : ""}`;
  const name = measure.name || "Unnamed measure";
  const from = measure.baseline === null ? "no baseline yet" : `from ${amount(measure.baseline)}`;
  const to = measure.target === null ? "no target yet" : `to ${amount(measure.target)}`;
  const unit = measure.kind === "PERCENTAGE" && measure.unit ? ` (${measure.unit})` : "";
  return `${name}: ${from}, ${to}${unit}`;
}

/** The section's content as lines of text ("" when nothing is written yet). */
export function sectionToText<K extends ProposalSectionKey>(
  key: K,
  content: SectionContent[K],
  organisationName: OrganisationName,
): string {
  const section = { key, content } as { [S in ProposalSectionKey]: { key: S; content: SectionContent[S] } }[ProposalSectionKey];
  switch (section.key) {
    case "title":
    case "summary":
    case "need":
    case "hypothesis":
    case "sustainability":
    case "risks":
      return section.content.text;
    case "measures":
      return section.content.items.map(measureText).join("\n");
    case "activities":
      return section.content.items
        .map((item) => `${item.by ? `By ${formatIsoDate(item.by)}` : "Date to be decided"}: ${item.activity || "(not described yet)"}`)
        .join("\n");
    case "partners": {
      const { leadOrganisationId, organisationIds } = section.content;
      const lines = leadOrganisationId ? [`Lead organisation: ${organisationName(leadOrganisationId)}`] : [];
      for (const id of organisationIds) {
        if (id !== leadOrganisationId) lines.push(`Partner: ${organisationName(id)}`);
      }
      return lines.join("\n");
    }
    case "budget": {
      const { lines } = section.content;
      if (lines.length === 0) return "";
      const total = lines.reduce((sum, line) => sum + line.amountPence, 0);
      return [
        ...lines.map(
          (line) =>
            `${line.item || "(no item)"} (${line.organisationId ? organisationName(line.organisationId) : "no organisation"}): ${formatPence(line.amountPence)}`,
        ),
        `Total: ${formatPence(total)}`,
      ].join("\n");
    }
    case "duration": {
      const { months } = section.content;
      return months === null ? "" : `${months} ${months === 1 ? "month" : "months"}`;
    }
  }
}

/** The sum of a budget's lines: the amount the proposal asks for. */
export function budgetTotalPence(budget: SectionContent["budget"]): number {
  return budget.lines.reduce((sum, line) => sum + line.amountPence, 0);
}
