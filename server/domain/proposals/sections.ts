import {
  EMPTY_SECTION_CONTENT,
  PROPOSAL_SECTION_KEYS,
  sectionContentSchemas,
  type ProposalSectionKey,
  type SectionContent,
} from "@/lib/schemas/proposals";

/** A person as the proposal screens name them. */
export type PersonRef = { id: string; name: string };

/** One section as it stands: its content, version (0 when never saved) and who saved it last. */
export type SectionState<K extends ProposalSectionKey = ProposalSectionKey> = {
  content: SectionContent[K];
  version: number;
  updatedAt: Date | null;
  updatedBy: PersonRef | null;
};

export type SectionStates = { [K in ProposalSectionKey]: SectionState<K> };

export function isSectionKey(value: string): value is ProposalSectionKey {
  return (PROPOSAL_SECTION_KEYS as readonly string[]).includes(value);
}

/** Stored JSON read back through the section's schema (what could not be read counts as empty). */
export function parseSectionContent<K extends ProposalSectionKey>(key: K, stored: unknown): SectionContent[K] {
  const parsed = sectionContentSchemas[key].safeParse(stored);
  return (parsed.success ? parsed.data : EMPTY_SECTION_CONTENT[key]) as SectionContent[K];
}

/** The whole proposal's content from stored sections (`{ key, content }` rows), empty where unsaved. */
export function sectionContents(rows: readonly { key: string; content: unknown }[]): SectionContent {
  const contents = { ...EMPTY_SECTION_CONTENT } as Record<ProposalSectionKey, unknown>;
  for (const row of rows) {
    if (isSectionKey(row.key)) contents[row.key] = parseSectionContent(row.key, row.content);
  }
  return contents as SectionContent;
}

/** Two section contents say the same thing (key order aside). */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : inner,
  );
}
