import { AUTHOR_ROLE_SUFFIX } from "@/lib/role-labels";
import type { Metadata } from "next";
import Link from "next/link";
import { AddCoAuthorForm, MakeLeadAuthorButton, RemoveCoAuthorButton } from "@/components/proposals/co-author-controls";
import { loadProposal } from "@/server/pages/proposals";
import {
  ReturnToDraftButton,
  SubmitProposalButton,
  WithdrawProposalForm,
} from "@/components/proposals/proposal-actions";
import { ProposalStatusTag, timeFormat } from "@/components/proposals/proposal-labels";
import { SectionCommentForm } from "@/components/proposals/section-comment-form";
import { SectionView } from "@/components/proposals/section-view";
import { dateFormat, SECTOR_OR_INDIVIDUAL_LABELS } from "@/components/sub-groups/format";
import { buttonClass } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { PROPOSAL_SECTION_KEYS, PROPOSAL_SECTION_LABELS } from "@/lib/schemas/proposals";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; proposalId: string }> };

const pathOf = (slug: string, proposalId: string) => `/p/${slug}/proposals/${proposalId}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, pathOf(slug, proposalId));
  return { title: `${proposal.title} · Proposal` };
}

/** A proposal as everyone who may read it sees it: its sections, comments, people, state and history. */
export default async function ProposalPage({ params }: Props) {
  const { slug, proposalId } = await params;
  const here = pathOf(slug, proposalId);
  const proposal = await loadProposal(slug, proposalId, here);
  const { viewer } = proposal;
  const api = await getApi();
  const [timeline, candidates] = await Promise.all([
    api.proposal.timeline({ proposalId }),
    viewer.canManageCoAuthors ? api.proposal.coAuthorCandidates({ proposalId }) : Promise.resolve([]),
  ]);
  const organisationNames = new Map(proposal.organisations.map((organisation) => [organisation.id, organisation.name]));
  const organisationName = (id: string) => organisationNames.get(id) ?? "An organisation no longer in the partnership";
  const round = proposal.round;

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/groups/${proposal.subGroup.id}/proposals`}>Back to {proposal.subGroup.name} proposals</Link>
      </p>
      <PageHeader title={proposal.title}>
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
          <ProposalStatusTag status={proposal.status} />
          <span>Asks for {formatPence(proposal.requestedPence)}</span>
          <span>{round ? `${round.title}, closes ${dateFormat.format(round.closesAt)}` : "No funding round chosen"}</span>
          <span>Revision {proposal.revision}</span>
        </p>
      </PageHeader>

      {proposal.decision ? (
        <section
          aria-labelledby="decision-heading"
          className={`mb-8 max-w-prose rounded-md border-l-4 p-4 ${proposal.decision.outcome === "APPROVED" ? "border-green-800 bg-green-50" : "border-red-800 bg-red-50"}`}
        >
          <h2 id="decision-heading" className="text-2xl font-semibold">
            {proposal.decision.outcome === "APPROVED" ? "Approved" : "Declined"}
          </h2>
          <p className="mt-1 text-slate-700">
            Decided by {proposal.decision.decidedBy.name} on {dateFormat.format(proposal.decision.decidedAt)}
          </p>
          <p className="mt-2 whitespace-pre-line">{proposal.decision.reason}</p>
          {proposal.award ? (
            <p className="mt-3 text-lg font-semibold">
              Award: {formatPence(proposal.award.awardedPence)}
              {proposal.award.awardedPence < proposal.requestedPence ? ` (asked for ${formatPence(proposal.requestedPence)})` : ""}
              {proposal.award.paidPence > 0 ? `, ${formatPence(proposal.award.paidPence)} paid so far` : ""}
            </p>
          ) : null}
        </section>
      ) : null}

      {viewer.canEdit || viewer.canSubmit || viewer.canReturnToDraft || viewer.canWithdraw || viewer.isAssessor || viewer.canDecide ? (
        <section aria-labelledby="actions-heading" className="mb-10 space-y-4">
          <h2 id="actions-heading" className="sr-only">
            What you can do
          </h2>
          {viewer.canEdit ? (
            <p>
              <Link href={`${here}/edit`} className={buttonClass.secondary}>
                Edit the proposal
              </Link>
            </p>
          ) : null}
          {proposal.status === "SUBMITTED" && proposal.submittedAt && (viewer.canReturnToDraft || viewer.canWithdraw) ? (
            <p className="max-w-prose rounded-md border-l-4 border-green-800 bg-green-50 p-3 text-green-900">
              Submitted on <time dateTime={proposal.submittedAt.toISOString()}>{timeFormat.format(proposal.submittedAt)}</time>. The
              authors and the partnership&rsquo;s officers have been told; the round&rsquo;s panel assesses it once the round closes.
            </p>
          ) : null}
          {viewer.canSubmit ? <SubmitProposalButton proposalId={proposal.id} editPath={`${here}/edit`} missing={proposal.missing} /> : null}
          {viewer.canReturnToDraft ? <ReturnToDraftButton proposalId={proposal.id} /> : null}
          {viewer.isAssessor ? (
            <p>
              <Link href={`/p/${slug}/assess/${proposal.id}`} className={buttonClass.primary}>
                Score this proposal
              </Link>
            </p>
          ) : null}
          {viewer.canDecide && round ? (
            <p>
              <Link href={`/p/${slug}/funding/rounds/${round.id}/assessment/${proposal.id}/decide`} className={buttonClass.primary}>
                Decide on this proposal
              </Link>
            </p>
          ) : null}
          {viewer.canWithdraw ? <WithdrawProposalForm proposalId={proposal.id} /> : null}
        </section>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          {PROPOSAL_SECTION_KEYS.filter((key) => key !== "title").map((key) => {
            const section = proposal.sections[key];
            const comments = proposal.comments[key];
            const label = PROPOSAL_SECTION_LABELS[key];
            return (
              <section key={key} id={`section-${key}`} aria-labelledby={`heading-${key}`} className="mb-10 scroll-mt-4">
                <h2 id={`heading-${key}`} className="text-2xl font-semibold">
                  {label}
                  {round?.requiredSections.includes(key) ? <span className="sr-only"> (required)</span> : null}
                </h2>
                <div className="mt-2">
                  <SectionView sectionKey={key} content={section.content} organisationName={organisationName} />
                </div>
                {section.updatedBy && section.updatedAt ? (
                  <p className="mt-2 text-sm text-slate-700">
                    Last changed by {section.updatedBy.name}, {timeFormat.format(section.updatedAt)}
                  </p>
                ) : null}
                {viewer.canComment ? (
                  <div className="mt-4 border-l-2 border-slate-300 pl-4">
                    {comments.length > 0 ? (
                      <>
                        <h3 className="font-semibold">
                          {comments.length} {comments.length === 1 ? "comment" : "comments"}
                        </h3>
                        <ul className="mt-2 space-y-3">
                          {comments.map((comment) => (
                            <li key={comment.id}>
                              <p className="text-sm text-slate-700">
                                {comment.author.name}, {timeFormat.format(comment.createdAt)}
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
                      <SectionCommentForm proposalId={proposal.id} section={key} sectionLabel={label} />
                    </details>
                  </div>
                ) : null}
              </section>
            );
          })}
        </div>

        <aside className="min-w-0 space-y-10" aria-label="About this proposal">
          <section aria-labelledby="authors-heading">
            <h2 id="authors-heading" className="text-xl font-semibold">
              Authors
            </h2>
            <ul className="mt-2 space-y-3">
              {proposal.authors.map((author) => (
                <li key={author.userId}>
                  <p className="font-semibold">
                    {author.name}
                    {AUTHOR_ROLE_SUFFIX[author.role]}
                  </p>
                  <p className="text-sm text-slate-700">
                    {author.organisationName ?? "Individual"}
                    {author.sector ? `, ${SECTOR_OR_INDIVIDUAL_LABELS[author.sector]}` : ""}
                  </p>
                  {!author.isLead && (viewer.canManageCoAuthors || viewer.canChangeLeadAuthor) ? (
                    <span className="mt-1 flex flex-wrap gap-2">
                      {viewer.canChangeLeadAuthor ? (
                        <MakeLeadAuthorButton proposalId={proposal.id} userId={author.userId} name={author.name} />
                      ) : null}
                      {viewer.canManageCoAuthors ? (
                        <RemoveCoAuthorButton proposalId={proposal.id} userId={author.userId} name={author.name} />
                      ) : null}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {viewer.canManageCoAuthors ? (
              <AddCoAuthorForm
                proposalId={proposal.id}
                candidates={candidates.map((candidate) => ({
                  userId: candidate.userId,
                  label: `${candidate.name}${candidate.organisationName ? `, ${candidate.organisationName}` : ""}`,
                }))}
              />
            ) : null}
          </section>

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="text-xl font-semibold">
              Timeline
            </h2>
            <ol className="mt-2 space-y-3 border-l-2 border-slate-300 pl-4">
              {timeline.map((entry) => (
                <li key={entry.id}>
                  <p className="text-sm text-slate-700">
                    <time dateTime={entry.at.toISOString()}>{timeFormat.format(entry.at)}</time>
                  </p>
                  <p className="break-words">{entry.summary}</p>
                  {entry.compare ? (
                    <Link
                      href={`${here}/revisions?from=${entry.compare.fromRevision}&to=${entry.compare.toRevision}`}
                      className="text-sm"
                    >
                      See what changed<span className="sr-only"> in revisions {entry.compare.fromRevision + 1} to {entry.compare.toRevision}</span>
                    </Link>
                  ) : null}
                </li>
              ))}
            </ol>
            <p className="mt-3">
              <Link href={`${here}/revisions`}>All revisions</Link>
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}
