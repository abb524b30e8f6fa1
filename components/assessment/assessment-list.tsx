import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { LabelledTag, type Tone } from "@/components/ui/status-tag";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import type { MyAssessment } from "@/server/domain/assessment/assessor";

const STATE_LABELS = { NOT_STARTED: "To score", DRAFT: "Draft saved", SUBMITTED: "Submitted", CONFLICT: "Conflict of interest" } as const;
const STATE_TONES: Readonly<Record<keyof typeof STATE_LABELS, Tone>> = {
  NOT_STARTED: "info",
  DRAFT: "warning",
  SUBMITTED: "success",
  CONFLICT: "danger",
};

/** Why an assessor cannot score a proposal they have not finished, in words. */
function scoringNote(item: MyAssessment): string | null {
  if (item.state === "SUBMITTED" || item.state === "CONFLICT" || item.canScore) return null;
  return item.proposal.status === "SUBMITTED" ? "Scoring has not started yet." : "Scoring has closed.";
}

/** An assessor's proposals to score, round by round. */
export function AssessmentRounds({ slug, assessments }: { slug: string; assessments: readonly MyAssessment[] }) {
  const rounds = [...new Map(assessments.map((item) => [item.round.id, item.round])).values()];
  if (rounds.length === 0) return <p>You are not asked to assess any proposals at the moment.</p>;
  return (
    <>
      {rounds.map((round) => (
        <Section key={round.id} title={round.title} id={`round-${round.id}`}>
          <ul className="space-y-3">
            {assessments
              .filter((item) => item.round.id === round.id)
              .map((item) => {
                const note = scoringNote(item);
                return (
                  <li key={item.proposal.id} className="rounded-md border border-slate-300 p-4">
                    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                      <h3 className="text-lg font-semibold">
                        <Link href={paths.scoreSheet(slug, item.proposal.id)}>{item.proposal.title}</Link>
                      </h3>
                      <LabelledTag value={item.state} labels={STATE_LABELS} tones={STATE_TONES} />
                    </div>
                    <p className="text-slate-700">
                      {item.proposal.subGroupName} · asks for {formatPence(item.proposal.requestedPence)}
                    </p>
                    {note ? <p className="mt-1">{note}</p> : null}
                    {item.conflicts.length > 0 ? (
                      <ul className="mt-1 list-disc pl-5 text-slate-700">
                        {item.conflicts.map((conflict) => (
                          <li key={conflict}>{conflict}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
          </ul>
        </Section>
      ))}
    </>
  );
}
