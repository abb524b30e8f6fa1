import { TimeStamp } from "@/components/discussions/time-stamp";
import { PROPOSAL_SECTION_KEYS, PROPOSAL_SECTION_LABELS, type ProposalSectionKey } from "@/lib/schemas/proposals";
import type { LoadedProposal } from "@/server/pages/proposals";
import { SectionCommentForm } from "./section-comment-form";
import { SectionView } from "./section-view";

/** Every written section of the proposal in order, each with who last changed it and its comments. */
export function ProposalContentSections({ proposal }: { proposal: LoadedProposal }) {
  const names = new Map(proposal.organisations.map((organisation) => [organisation.id, organisation.name]));
  const organisationName = (id: string) => names.get(id) ?? "An organisation no longer in the partnership";
  return (
    <>
      {PROPOSAL_SECTION_KEYS.filter((key) => key !== "title").map((key) => (
        <ProposalContentSection key={key} proposal={proposal} sectionKey={key} organisationName={organisationName} />
      ))}
    </>
  );
}

function ProposalContentSection({
  proposal,
  sectionKey,
  organisationName,
}: {
  proposal: LoadedProposal;
  sectionKey: ProposalSectionKey;
  organisationName: (id: string) => string;
}) {
  const section = proposal.sections[sectionKey];
  const comments = proposal.comments[sectionKey];
  const label = PROPOSAL_SECTION_LABELS[sectionKey];
  return (
    <section id={`section-${sectionKey}`} aria-labelledby={`heading-${sectionKey}`} className="mb-10 scroll-mt-4">
      <h2 id={`heading-${sectionKey}`} className="text-2xl font-semibold">
        {label}
        {proposal.round?.requiredSections.includes(sectionKey) ? <span className="sr-only"> (required)</span> : null}
      </h2>
      <div className="mt-2">
        <SectionView sectionKey={sectionKey} content={section.content} organisationName={organisationName} />
      </div>
      {section.updatedBy && section.updatedAt ? (
        <p className="mt-2 text-sm text-slate-700">
          Last changed by {section.updatedBy.name}, <TimeStamp date={section.updatedAt} />
        </p>
      ) : null}
      {proposal.viewer.canComment ? (
        <div className="mt-4 border-l-2 border-slate-300 pl-4">
          {comments.length > 0 ? (
            <>
              <h3 className="font-semibold">
                {comments.length} {comments.length === 1 ? "comment" : "comments"}
                <span className="sr-only"> on {label}</span>
              </h3>
              <ul className="mt-2 space-y-3">
                {comments.map((comment) => (
                  <li key={comment.id} id={`comment-${comment.id}`}>
                    <p className="text-sm text-slate-700">
                      {comment.author.name}, <TimeStamp date={comment.createdAt} />
                    </p>
                    <p className="whitespace-pre-line break-words">{comment.body}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <details className="mt-2">
            <summary className="cursor-pointer font-semibold text-brand-800">
              Comment<span className="sr-only"> on {label}</span>
            </summary>
            <SectionCommentForm proposalId={proposal.id} section={sectionKey} sectionLabel={label} />
          </details>
        </div>
      ) : null}
    </section>
  );
}
