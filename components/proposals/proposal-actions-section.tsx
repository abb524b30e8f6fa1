import { ButtonLink } from "@/components/ui/button";
import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";
import type { LoadedProposal } from "@/server/pages/proposals";
import { ReturnToDraftButton, SubmitProposalButton, WithdrawProposalForm } from "./proposal-actions";

/** The id of the lasting "Submitted on…" line, where focus goes once a submission has gone through. */
export const SUBMITTED_NOTICE_ID = "proposal-submitted";

/** What the viewer may do with the proposal now: edit, submit, take back, score, decide or withdraw. */
export function ProposalActionsSection({ slug, proposal }: { slug: string; proposal: LoadedProposal }) {
  const { viewer, round } = proposal;
  if (!(viewer.canEdit || viewer.canSubmit || viewer.canReturnToDraft || viewer.canWithdraw || viewer.isAssessor || viewer.canDecide)) {
    return null;
  }
  const editPath = paths.editProposal(slug, proposal.id);
  return (
    <section aria-labelledby="actions-heading" className="mb-10 space-y-4">
      <h2 id="actions-heading" className="sr-only">
        What you can do
      </h2>
      {viewer.canEdit ? (
        <p>
          <ButtonLink href={editPath} variant="secondary">
            Edit the proposal
          </ButtonLink>
        </p>
      ) : null}
      {proposal.status === "SUBMITTED" && proposal.submittedAt && (viewer.canReturnToDraft || viewer.canWithdraw) ? (
        <p
          id={SUBMITTED_NOTICE_ID}
          tabIndex={-1}
          className="max-w-prose rounded-md border-l-4 border-green-800 bg-green-50 p-3 text-green-900"
        >
          Submitted on <time dateTime={proposal.submittedAt.toISOString()}>{formatDateTime(proposal.submittedAt)}</time>. The
          authors and the partnership&rsquo;s officers have been told; the round&rsquo;s panel assesses it once the round closes.
        </p>
      ) : null}
      {viewer.canSubmit ? (
        <SubmitProposalButton proposalId={proposal.id} editPath={editPath} missing={proposal.missing} submittedNoticeId={SUBMITTED_NOTICE_ID} />
      ) : null}
      {viewer.canReturnToDraft ? <ReturnToDraftButton proposalId={proposal.id} /> : null}
      {viewer.isAssessor ? (
        <p>
          <ButtonLink href={paths.scoreSheet(slug, proposal.id)}>Score this proposal</ButtonLink>
        </p>
      ) : null}
      {viewer.canDecide && round ? (
        <p>
          <ButtonLink href={paths.decide(slug, round.id, proposal.id)}>Decide on this proposal</ButtonLink>
        </p>
      ) : null}
      {viewer.canWithdraw ? <WithdrawProposalForm proposalId={proposal.id} /> : null}
    </section>
  );
}
