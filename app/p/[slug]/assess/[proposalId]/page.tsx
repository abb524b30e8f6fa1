import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ProposalReading } from "@/components/assessment/proposal-reading";
import { formatScore } from "@/components/assessment/round-assessment-sections";
import { DeclareConflictForm, ScoreSheetForm } from "@/components/assessment/score-sheet-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { formatDateTime } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Score sheet" };
export const dynamic = "force-dynamic";

const score = (value: number | null) => (value === null ? "Not worked out" : formatScore(value));

type Scores = { criterion: string; score: number; comment: string }[];

/** One assessor's scores, criterion by criterion, with their comments. */
function ScoreList({ scores, scoreMax, comment }: { scores: Scores; scoreMax: number; comment: string }) {
  return (
    <>
      <dl className="mt-2 space-y-2">
        {scores.map((item) => (
          <div key={item.criterion}>
            <dt className="font-semibold">{item.criterion}</dt>
            <dd>
              {item.score} out of {scoreMax}
              {item.comment ? <span className="block whitespace-pre-line text-slate-700">{item.comment}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      {comment ? <p className="mt-2 whitespace-pre-line">Overall: {comment}</p> : null}
    </>
  );
}

export default async function ScoreSheetPage({ params }: { params: Promise<{ slug: string; proposalId: string }> }) {
  const { slug: rawSlug, proposalId } = await params;
  const slug = paramOr404(partnershipSlug, rawSlug);
  const api = await getApi();
  const here = paths.scoreSheet(slug, proposalId);
  const [sheet, readable] = await Promise.all([
    loadOr404(() => api.assessment.scoreSheet({ proposalId }), { here }),
    // The proposal itself, to read beside the criteria; the sheet still works without it.
    api.proposal.get({ proposalId }).catch(() => null),
  ]);
  const { proposal, round, mine, others } = sheet;
  const submitted = mine?.status === "SUBMITTED";
  const conflicted = sheet.conflicts.length > 0;
  const stillOpen = proposal.status === "SUBMITTED" || proposal.status === "UNDER_ASSESSMENT";

  return (
    <>
      <p className="mb-2">
        <Link href={paths.assessments(slug)}>Back to proposals to assess</Link>
      </p>
      <PageHeader
        title={proposal.title}
        lead={`${round.title} · ${proposal.subGroupName}${proposal.leadOrganisationName ? ` · led by ${proposal.leadOrganisationName}` : ""} · asks for ${formatPence(proposal.requestedPence)}`}
      >
        <p className="mt-3">
          <Link href={paths.proposal(slug, proposal.id)}>Open the proposal on its own page</Link>
        </p>
      </PageHeader>

      {!conflicted && !submitted && stillOpen ? (
        <Section
          title="Declare a conflict of interest"
          id="declare"
          className="max-w-2xl rounded-md border border-slate-300 p-4"
          lead="Before you score: if you have an interest in this proposal that Tandem has not spotted, declare it and you will step back from scoring it."
        >
          <details>
            <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-2">I have a conflict of interest</summary>
            <div className="mt-4">
              <DeclareConflictForm proposalId={proposal.id} />
            </div>
          </details>
        </Section>
      ) : null}

      <div className="mt-10 grid gap-10 lg:grid-cols-2">
        {readable ? (
          <section aria-labelledby="proposal" className="min-w-0">
            <h2 id="proposal" className="mb-4 text-2xl font-semibold">
              The proposal
            </h2>
            <ProposalReading proposal={readable} />
          </section>
        ) : null}

        <div className="min-w-0">
          {conflicted ? (
            <section aria-labelledby="conflict" className="rounded-md border-l-4 border-red-800 bg-red-50 p-4">
              <h2 id="conflict" className="text-2xl font-semibold text-red-900">
                You have a conflict of interest
              </h2>
              <p className="mt-2">You cannot score this proposal, and you will not see the other assessors&apos; scores.</p>
              <ul className="mt-2 list-disc pl-5">
                {sheet.conflicts.map((conflict) => (
                  <li key={conflict.message}>{conflict.message}</li>
                ))}
              </ul>
            </section>
          ) : submitted ? (
            <Section title="Your scores" id="my-scores">
              <p>
                Submitted{mine.submittedAt ? ` on ${formatDateTime(mine.submittedAt)}` : ""}. Weighted score:{" "}
                <strong>{score(mine.weightedScore)}</strong>.
              </p>
              <ScoreList scores={mine.scores} scoreMax={round.scoreMax} comment={mine.comment} />
            </Section>
          ) : sheet.canScore ? (
            <Section title="Score this proposal" id="score">
              <ScoreSheetForm
                proposalId={proposal.id}
                criteria={round.criteria}
                scoreMax={round.scoreMax}
                guide={round.scoreGuide}
                saved={mine?.scores ?? []}
                savedComment={mine?.comment ?? ""}
              />
            </Section>
          ) : (
            <p className="rounded-md bg-slate-50 p-4">{sheet.cannotScoreReason}</p>
          )}

          {submitted && !conflicted ? (
            <Section title="Other assessors' scores" id="others">
              {!others || others.length === 0 ? <p>No other assessor has submitted scores yet.</p> : null}
              <ul className="space-y-4">
                {(others ?? []).map((other) => (
                  <li key={other.assessorName} className="rounded-md border border-slate-300 p-4">
                    <h3 className="text-lg font-semibold">
                      {other.assessorName}: {score(other.weightedScore)}
                    </h3>
                    <ScoreList scores={other.scores} scoreMax={round.scoreMax} comment={other.comment} />
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </div>
      </div>
    </>
  );
}
