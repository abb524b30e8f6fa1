import { SectionView } from "@/components/proposals/section-view";
import { PROPOSAL_SECTION_KEYS, PROPOSAL_SECTION_LABELS, type ProposalSectionKey, type SectionContent } from "@/lib/schemas/proposals";

type ReadableProposal = {
  sections: { [K in ProposalSectionKey]: { content: SectionContent[K] } };
  organisations: { id: string; name: string }[];
};

/** The proposal's sections as its own page shows them, for reading beside the score sheet. */
export function ProposalReading({ proposal }: { proposal: ReadableProposal }) {
  const names = new Map(proposal.organisations.map((organisation) => [organisation.id, organisation.name]));
  const organisationName = (id: string) => names.get(id) ?? "An organisation no longer in the partnership";
  return (
    <div className="space-y-8">
      {PROPOSAL_SECTION_KEYS.filter((key) => key !== "title").map((key) => (
        <section key={key} aria-labelledby={`read-${key}`}>
          <h3 id={`read-${key}`} className="text-xl font-semibold">
            {PROPOSAL_SECTION_LABELS[key]}
          </h3>
          <div className="mt-2 break-words">
            <SectionView sectionKey={key} content={proposal.sections[key].content} organisationName={organisationName} />
          </div>
        </section>
      ))}
    </div>
  );
}
