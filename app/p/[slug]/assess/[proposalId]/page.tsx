import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeclareConflictForm, ScoreSheetForm } from "@/components/assessment/score-sheet-form";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Score sheet" };
export const dynamic = "force-dynamic";

/** Weighted scores are hundredths of a percent: 7350 is "73.5%". */
const score = (value: number | null) =>
  value === null ? "Not worked out" : `${(value / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

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
  const { slug, proposalId } = await params;
  if (!partnershipSlug.safeParse(slug).success) notFound();
  const api = await getApi();
  const sheet = await api.assessment.scoreSheet({ proposalId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const { proposal, round, mine, others } = sheet;
  const submitted = mine?.status === "SUBMITTED";
  const conflicted = sheet.conflicts.length > 0;
  const stillOpen = proposal.status === "SUBMITTED" || proposal.status === "UNDER_ASSESSMENT";

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/assess`}>Back to proposals to assess</Link>
      </p>
      <PageHeader
        title={proposal.title}
        lead={`${round.title} · ${proposal.subGroupName}${proposal.leadOrganisationName ? ` · led by ${proposal.leadOrganisationName}` : ""} · asks for ${formatPence(proposal.requestedPence)}`}
      >
        <p className="mt-3">
          <Link href={`/p/${slug}/proposals/${proposal.id}`}>Read the proposal</Link>
        </p>
      </PageHeader>

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
        <section aria-labelledby="my-scores">
          <h2 id="my-scores" className="text-2xl font-semibold">
            Your scores
          </h2>
          <p className="mt-2">
            Submitted{mine.submittedAt ? ` on ${dateTimeFormat.format(mine.submittedAt)}` : ""}. Weighted score:{" "}
            <strong>{score(mine.weightedScore)}</strong>.
          </p>
          <ScoreList scores={mine.scores} scoreMax={round.scoreMax} comment={mine.comment} />
        </section>
      ) : sheet.canScore ? (
        <section aria-labelledby="score">
          <h2 id="score" className="mb-4 text-2xl font-semibold">
            Score this proposal
          </h2>
          <ScoreSheetForm
            proposalId={proposal.id}
            criteria={round.criteria}
            scoreMax={round.scoreMax}
            saved={mine?.scores ?? []}
            savedComment={mine?.comment ?? ""}
          />
        </section>
      ) : (
        <p className="rounded-md bg-slate-50 p-4">{sheet.cannotScoreReason}</p>
      )}

      {submitted && !conflicted ? (
        <section aria-labelledby="others" className="mt-10">
          <h2 id="others" className="text-2xl font-semibold">
            Other assessors&apos; scores
          </h2>
          {!others || others.length === 0 ? <p className="mt-2">No other assessor has submitted scores yet.</p> : null}
          <ul className="mt-3 space-y-4">
            {(others ?? []).map((other) => (
              <li key={other.assessorName} className="rounded-md border border-slate-300 p-4">
                <h3 className="text-lg font-semibold">
                  {other.assessorName}: {score(other.weightedScore)}
                </h3>
                <ScoreList scores={other.scores} scoreMax={round.scoreMax} comment={other.comment} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!conflicted && !submitted && stillOpen ? (
        <section aria-labelledby="declare" className="mt-10 max-w-2xl">
          <h2 id="declare" className="mb-2 text-2xl font-semibold">
            Declare a conflict of interest
          </h2>
          <p className="mb-4 text-slate-700">
            If you have an interest in this proposal that Tandem has not spotted, declare it and you will step back from scoring it.
          </p>
          <DeclareConflictForm proposalId={proposal.id} />
        </section>
      ) : null}
    </>
  );
}
