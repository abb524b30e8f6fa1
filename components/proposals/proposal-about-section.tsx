import { Link } from "@/components/ui/link";
import { TimeStamp } from "@/components/discussions/time-stamp";
import { SECTOR_OR_INDIVIDUAL_LABELS } from "@/components/sub-groups/format";
import { paths } from "@/lib/paths";
import { AUTHOR_ROLE_SUFFIX } from "@/lib/role-labels";
import type { TimelineEntry } from "@/server/domain/proposals/history";
import type { LoadedProposal } from "@/server/pages/proposals";
import { AddCoAuthorForm, MakeLeadAuthorButton, RemoveCoAuthorButton } from "./co-author-controls";

type Candidate = { userId: string; name: string; organisationName: string | null };

/** Who writes the proposal, from which organisation and sector; the lead author manages co-authors here. */
export function ProposalAuthorsSection({ proposal, candidates }: { proposal: LoadedProposal; candidates: readonly Candidate[] }) {
  const { viewer } = proposal;
  return (
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
                {viewer.canChangeLeadAuthor ? <MakeLeadAuthorButton proposalId={proposal.id} userId={author.userId} name={author.name} /> : null}
                {viewer.canManageCoAuthors ? <RemoveCoAuthorButton proposalId={proposal.id} userId={author.userId} name={author.name} /> : null}
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
  );
}

/** What has happened to the proposal, newest first, with links to what each round of editing changed. */
export function ProposalTimelineSection({
  slug,
  proposalId,
  timeline,
}: {
  slug: string;
  proposalId: string;
  timeline: readonly TimelineEntry[];
}) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="text-xl font-semibold">
        Timeline
      </h2>
      <ol className="mt-2 space-y-3 border-l-2 border-slate-300 pl-4">
        {timeline.map((entry) => (
          <li key={entry.id}>
            <p className="text-sm text-slate-700">
              <TimeStamp date={entry.at} />
            </p>
            <p className="break-words">{entry.summary}</p>
            {entry.compare ? (
              <Link
                href={paths.proposalRevisions(slug, proposalId, { from: entry.compare.fromRevision, to: entry.compare.toRevision })}
                className="text-sm"
              >
                See what changed
                <span className="sr-only">
                  {" "}
                  in revisions {entry.compare.fromRevision + 1} to {entry.compare.toRevision}
                </span>
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="mt-3">
        <Link href={paths.proposalRevisions(slug, proposalId)}>All revisions</Link>
      </p>
    </section>
  );
}
