import { TEAM_ROLE_SUFFIX } from "@/lib/role-labels";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { loadProject, type LoadedProject } from "@/components/projects/load-project";
import {
  Day,
  dueDistance,
  formatDay,
  formatMeasure,
  InstantDay,
  measureProgress,
  PROJECT_STATUS_LABELS,
  RagTag,
  REPORTING_FREQUENCY_LABELS,
  ReportStateTag,
  UpdateStatusTag,
} from "@/components/projects/project-labels";
import { DecideProjectForm } from "@/components/projects/decide-project-form";
import { EvaluationForm } from "@/components/projects/evaluation-form";
import { AddTeamMemberForm, ChangeProjectLeadForm, RemoveTeamMemberButton } from "@/components/projects/team-controls";
import { ReviewUpdateForm } from "@/components/projects/review-update-form";
import { timeFormat } from "@/components/proposals/proposal-labels";
import { buttonClass } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPence } from "@/lib/money";
import { getApi } from "@/server/api/server-caller";
import { EVALUATION_OPENS_DAYS_BEFORE_END, OUTCOME_LABELS } from "@/server/domain/projects/evaluation";
import { addDays } from "@/server/domain/projects/schedule";
import type { ProjectTimelineEntry } from "@/server/domain/projects/timeline";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; projectId: string }> };
type Update = LoadedProject["updates"][number];
type Evaluation = NonNullable<LoadedProject["evaluation"]>;
type Decision = NonNullable<LoadedProject["decision"]>;

const pathOf = (slug: string, projectId: string) => `/p/${slug}/projects/${projectId}`;
const sectionHeading = "text-2xl font-semibold";
const headRow = "border-b-2 border-slate-700";
const bodyRow = "border-b border-slate-200";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, projectId } = await params;
  const project = await loadProject(slug, projectId, pathOf(slug, projectId));
  return { title: `${project.name} · Funded project` };
}

/** A funded project as its team and the partnership's steering group see it: how it is doing, and its history of updates. */
export default async function ProjectPage({ params }: Props) {
  const { slug, projectId } = await params;
  const here = pathOf(slug, projectId);
  const project = await loadProject(slug, projectId, here);
  const { viewer, award, budget } = project;
  const api = await getApi();
  const [timeline, stories] = await Promise.all([
    api.project.timeline({ projectId }),
    api.story.list({ partnershipSlug: slug, projectId, limit: 10 }),
  ]);
  const canManageTeam = viewer.canManageTeam;
  const teamCandidates = canManageTeam ? await api.project.teamCandidates({ projectId: project.id }) : [];
  const awardPath = `/p/${slug}/funding/${award.fundId}/awards/${award.id}`;

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/projects`}>Back to projects</Link>
      </p>
      <PageHeader title={project.name}>
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
          <span className="inline-block rounded-sm bg-slate-100 px-2 py-0.5 text-sm font-semibold text-slate-900">
            {PROJECT_STATUS_LABELS[project.status]}
          </span>
          {project.latest ? (
            <span className="flex flex-wrap items-center gap-2">
              <RagTag rag={project.latest.rag} />
              <span>{project.latest.percentComplete}% complete</span>
            </span>
          ) : (
            <span>No progress update yet</span>
          )}
          <span>
            <Day day={project.startsOn} /> to <Day day={project.endsOn} />
          </span>
          <span>{REPORTING_FREQUENCY_LABELS[project.reportingFrequency]}</span>
        </p>
        {project.subGroup || project.proposalId ? (
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {project.subGroup ? <Link href={`/p/${slug}/groups/${project.subGroup.id}`}>{project.subGroup.name}</Link> : null}
            {project.proposalId ? <Link href={`/p/${slug}/proposals/${project.proposalId}`}>The proposal it grew from</Link> : null}
          </p>
        ) : null}
      </PageHeader>

      {project.overdueCount > 0 ? (
        <div className="mb-8 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-4 text-red-900">
          <p className="text-lg font-semibold">
            {project.overdueCount} {project.overdueCount === 1 ? "update" : "updates"} overdue
          </p>
          <p className="mt-1">
            {viewer.isTeam
              ? "Post an update for each overdue period. Payments tied to a period wait until its update is accepted."
              : "The team has not reported on every period that is past its due date."}
          </p>
        </div>
      ) : null}

      {viewer.canPostUpdate ? (
        <p className="mb-10">
          <Link href={`${here}/updates/new`} className={buttonClass.primary}>
            Post a progress update
          </Link>
        </p>
      ) : null}

      <div className="space-y-12">
        <section aria-labelledby="reporting-heading">
          <h2 id="reporting-heading" className={sectionHeading}>
            Reporting
          </h2>
          <p className="mt-1 max-w-prose text-slate-700">Each update is due two weeks after the period it covers ends.</p>
          <ScrollRegion label="Reporting periods" className="mt-3">
            <table className="w-full min-w-[36rem] border-collapse text-left">
              <caption className="sr-only">Reporting periods</caption>
              <thead>
                <tr className={headRow}>
                  <th scope="col" className="py-2 pr-3">Period</th>
                  <th scope="col" className="py-2 pr-3">Covers</th>
                  <th scope="col" className="py-2 pr-3">Due</th>
                  <th scope="col" className="py-2">State</th>
                </tr>
              </thead>
              <tbody>
                {project.periods.map((period) => (
                  <tr key={period.id} className={bodyRow}>
                    <th scope="row" className="py-2 pr-3">Period {period.sequence}</th>
                    <td className="py-2 pr-3">
                      <Day day={period.startsOn} /> to <Day day={period.endsOn} />
                    </td>
                    <td className="py-2 pr-3">
                      <Day day={period.dueOn} />
                    </td>
                    <td className="py-2">
                      <ReportStateTag state={period.state} />
                      {period.state === "NOT_DUE" || period.state === "DUE_SOON" || period.state === "OVERDUE" ? (
                        <span className="ml-2 whitespace-nowrap">{dueDistance(period.daysUntilDue)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>

        <section aria-labelledby="measures-heading">
          <h2 id="measures-heading" className={sectionHeading}>
            Success measures
          </h2>
          {project.measures.length === 0 ? (
            <p className="mt-2">No success measures were set for this project.</p>
          ) : (
            <>
              <p className="mt-1 max-w-prose text-slate-700">Latest values come from the most recent submitted update.</p>
              <ScrollRegion label="Success measures" className="mt-3">
                <table className="w-full min-w-[36rem] border-collapse text-left">
                  <caption className="sr-only">Success measures</caption>
                  <thead>
                    <tr className={headRow}>
                      <th scope="col" className="py-2 pr-3">Measure</th>
                      <th scope="col" className="py-2 pr-3 text-right">Baseline</th>
                      <th scope="col" className="py-2 pr-3 text-right">Target</th>
                      <th scope="col" className="py-2 text-right">Latest</th>
                    </tr>
                  </thead>
                  <tbody>
                    {project.measures.map((measure) => {
                      const progress = measureProgress(measure);
                      return (
                        <tr key={measure.id} className={bodyRow}>
                          <th scope="row" className="py-2 pr-3 font-normal">{measure.name}</th>
                          <td className="py-2 pr-3 text-right tabular-nums">{formatMeasure(measure.baseline, measure)}</td>
                          <td className="py-2 pr-3 text-right tabular-nums">{formatMeasure(measure.target, measure)}</td>
                          <td className="py-2 text-right tabular-nums">
                            {measure.latest === null ? "No value yet" : formatMeasure(measure.latest, measure)}
                            {progress !== null ? (
                              <div className="ml-auto mt-1 h-2 w-24 max-w-full overflow-hidden rounded-sm border border-slate-400 bg-white" aria-hidden="true">
                                <div className="h-full bg-brand-800" style={{ width: `${progress}%` }} />
                              </div>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
            </>
          )}
        </section>

        <section aria-labelledby="budget-heading">
          <h2 id="budget-heading" className={sectionHeading}>
            Budget
          </h2>
          {budget.totalSpentPence === 0 ? (
            <p className="mt-1 max-w-prose text-slate-700">No spend has been reported yet.</p>
          ) : (
            <p className="mt-1 max-w-prose text-slate-700">Spend to date as the most recent submitted update reported it.</p>
          )}
          {budget.overAward ? (
            <p className="mt-2 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
              Reported spend is more than the award.
            </p>
          ) : null}
          <ScrollRegion label="Budget" className="mt-3">
            <table className="w-full min-w-[36rem] border-collapse text-left">
              <caption className="sr-only">Budget by line</caption>
              <thead>
                <tr className={headRow}>
                  <th scope="col" className="py-2 pr-3">Item</th>
                  <th scope="col" className="py-2 pr-3 text-right">Awarded</th>
                  <th scope="col" className="py-2 pr-3 text-right">Spent to date</th>
                  <th scope="col" className="py-2 text-right">Remaining</th>
                </tr>
              </thead>
              <tbody>
                {budget.lines.map((line) => (
                  <tr key={line.id} className={bodyRow}>
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {line.item}
                      {budget.overLines.includes(line.id) ? (
                        <span className="ml-2 inline-block rounded-sm bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900">
                          Over budget
                        </span>
                      ) : null}
                      {line.overspendReason ? (
                        <span className="mt-1 block text-sm whitespace-pre-line break-words text-slate-700">Why: {line.overspendReason}</span>
                      ) : null}
                    </th>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatPence(line.awardedPence)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatPence(line.spentPence)}</td>
                    <td className="py-2 text-right tabular-nums">{formatPence(line.remainingPence)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-slate-700 font-semibold">
                  <th scope="row" className="py-2 pr-3">Total</th>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatPence(budget.totalAwardedPence)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatPence(budget.totalSpentPence)}</td>
                  <td className="py-2 text-right tabular-nums">{formatPence(budget.totalAwardedPence - budget.totalSpentPence)}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        </section>

        <section aria-labelledby="milestones-heading">
          <h2 id="milestones-heading" className={sectionHeading}>
            Milestones
          </h2>
          {project.milestones.length === 0 ? (
            <p className="mt-2">No milestones were set for this project.</p>
          ) : (
            <ol className="mt-3 max-w-prose space-y-3">
              {project.milestones.map((milestone) => (
                <li key={milestone.id} className="border-l-2 border-slate-300 pl-4">
                  <p className="font-semibold break-words">{milestone.title}</p>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
                    <span>
                      Due <Day day={milestone.dueOn} />
                    </span>
                    <span>
                      {milestone.state === "DONE" && milestone.doneOn ? (
                        <>
                          Done on <Day day={milestone.doneOn} />
                        </>
                      ) : milestone.state === "SLIPPED" ? (
                        <>
                          Slipped to <Day day={milestone.dueOn} />
                        </>
                      ) : milestone.state === "DONE" ? (
                        "Done"
                      ) : (
                        "Planned"
                      )}
                    </span>
                    {milestone.overdue ? (
                      <span className="inline-block rounded-sm bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900">Overdue</span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="payments-heading">
          <h2 id="payments-heading" className={sectionHeading}>
            Payments
          </h2>
          <p className="mt-1 max-w-prose text-slate-700">
            {formatPence(award.awardedPence)} awarded, {formatPence(award.paidPence)} paid so far.
          </p>
          <ScrollRegion label="Payments" className="mt-3">
            <table className="w-full min-w-[32rem] border-collapse text-left">
              <caption className="sr-only">Payments from the award</caption>
              <thead>
                <tr className={headRow}>
                  <th scope="col" className="py-2 pr-3">Payment</th>
                  <th scope="col" className="py-2 pr-3 text-right">Amount</th>
                  <th scope="col" className="py-2 pr-3">Due</th>
                  <th scope="col" className="py-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {award.tranches.map((tranche) => (
                  <tr key={tranche.id} className={bodyRow}>
                    <th scope="row" className="py-2 pr-3">Payment {tranche.sequence}</th>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatPence(tranche.amountPence)}</td>
                    <td className="py-2 pr-3">
                      <InstantDay at={tranche.dueOn} />
                    </td>
                    <td className="py-2">
                      {tranche.paidAt ? (
                        <>
                          Paid on <InstantDay at={tranche.paidAt} />
                        </>
                      ) : tranche.waitsFor && !tranche.waitsFor.accepted ? (
                        `Waits for the period ${tranche.waitsFor.periodSequence} update to be accepted`
                      ) : (
                        "Ready to pay"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {viewer.canMakePayments ? (
            <p className="mt-3">
              <Link href={awardPath}>Make payments from the award page</Link>
            </p>
          ) : null}
        </section>

        <section aria-labelledby="team-heading">
          <h2 id="team-heading" className={sectionHeading}>
            Team
          </h2>
          <ul className="mt-3 space-y-3">
            {project.team.map((member) => (
              <li key={member.userId}>
                <p className="font-semibold">
                  {member.name}
                  {TEAM_ROLE_SUFFIX[member.role]}
                </p>
                <p className="text-sm text-slate-700">{member.organisationName ?? "Individual"}</p>
                {canManageTeam && !member.isLead ? (
                  <RemoveTeamMemberButton projectId={project.id} userId={member.userId} name={member.name} />
                ) : null}
              </li>
            ))}
          </ul>
          {canManageTeam ? (
            <AddTeamMemberForm
              projectId={project.id}
              candidates={teamCandidates.map((candidate) => ({
                userId: candidate.userId,
                label: candidate.organisationName ? `${candidate.name}, ${candidate.organisationName}` : candidate.name,
              }))}
            />
          ) : null}
          {viewer.canChangeLead ? (
            <ChangeProjectLeadForm
              projectId={project.id}
              team={project.team
                .filter((member) => !member.isLead)
                .map((member) => ({ userId: member.userId, label: member.organisationName ? `${member.name}, ${member.organisationName}` : member.name }))}
            />
          ) : null}
        </section>

        <section aria-labelledby="updates-heading">
          <h2 id="updates-heading" className={sectionHeading}>
            Updates
          </h2>
          {project.updates.length === 0 ? (
            <p className="mt-2">No progress updates have been posted yet.</p>
          ) : (
            <ol className="mt-3 space-y-8">
              {project.updates.map((update) => (
                <li key={update.id} className="border-l-2 border-slate-300 pl-4">
                  <UpdateEntry
                    update={update}
                    project={project}
                    continuePath={viewer.canPostUpdate ? `${here}/updates/new?draft=${update.id}` : null}
                  />
                  {viewer.canReview && update.status === "SUBMITTED" ? (
                    <ReviewUpdateForm updateId={update.id} periodSequence={update.periodSequence} />
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="evaluation-heading">
          <h2 id="evaluation-heading" className={sectionHeading}>
            Evaluation
          </h2>
          {project.evaluation ? (
            <EvaluationSummary evaluation={project.evaluation} project={project} />
          ) : viewer.canEvaluate ? (
            <>
              <p className="mt-1 max-w-prose text-slate-700">
                Say how the test went. Once you submit it, the partnership decides whether to scale it up, sustain it, adapt it or
                stop it.
              </p>
              <EvaluationForm
                projectId={project.id}
                awardedPence={award.awardedPence}
                measures={project.measures.map(({ id, name, unit, kind, baseline, target }) => ({ id, name, unit, kind, baseline, target }))}
              />
            </>
          ) : (
            <p className="mt-2 max-w-prose">
              The lead writes the evaluation from <Day day={addDays(project.endsOn, -EVALUATION_OPENS_DAYS_BEFORE_END)} />, a month
              before the test ends. It has not been submitted yet.
            </p>
          )}
        </section>

        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading" className={sectionHeading}>
            Decision
          </h2>
          {project.decision ? (
            <DecisionSummary decision={project.decision} />
          ) : viewer.canDecide ? (
            <>
              <p className="mt-1 max-w-prose text-slate-700">
                The lead&apos;s evaluation is in. Record what the partnership decided; this closes the project.
              </p>
              <DecideProjectForm projectId={project.id} />
            </>
          ) : (
            <p className="mt-2 max-w-prose">
              {project.evaluation
                ? "The evaluation is in. The partnership's officers will record the decision."
                : "The partnership decides the test's future once the lead's evaluation is in."}
            </p>
          )}
        </section>

        <section aria-labelledby="stories-heading">
          <h2 id="stories-heading" className={sectionHeading}>
            Stories
          </h2>
          {stories.items.length > 0 ? (
            <ul className="mt-3 max-w-prose space-y-3">
              {stories.items.map((story) => (
                <li key={story.id}>
                  <Link href={`/p/${slug}/stories/${story.id}`} className="font-semibold">
                    {story.title}
                  </Link>
                  <span className="text-slate-700"> by {story.author.name}</span>
                  {story.summary ? <p className="mt-1 break-words text-slate-700">{story.summary}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 max-w-prose text-slate-700">No published story is linked to this project yet.</p>
          )}
          {viewer.canWriteStory ? (
            <p className="mt-3">
              <Link href={`/p/${slug}/stories/new?projectId=${project.id}`}>Write a story about this project</Link>
            </p>
          ) : null}
        </section>

        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className={sectionHeading}>
            Timeline
          </h2>
          <p className="mt-1 max-w-prose text-slate-700">Everything that happened, from the first idea to the decision, oldest first.</p>
          <ol className="mt-3 max-w-prose space-y-3 border-l-2 border-slate-300 pl-4">
            {timeline.map((entry) => (
              <li key={entry.id}>
                <p className="text-sm text-slate-700">
                  <time dateTime={entry.at.toISOString()}>{timeFormat.format(entry.at)}</time>
                  {entry.actor ? <span>, {entry.actor.name}</span> : null}
                </p>
                <p className="break-words">{entry.summary}</p>
                {entry.link ? (
                  <Link href={entry.link} className="text-sm">
                    {timelineLinkText(entry)}
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

/** Link words that make sense out of context (screen readers list links on their own). */
function timelineLinkText(entry: ProjectTimelineEntry): ReactNode {
  switch (entry.kind) {
    case "REVISED":
      return "See what changed in the proposal";
    case "UPDATE_POSTED":
    case "UPDATE_ACCEPTED":
    case "UPDATE_RETURNED":
      return (
        <>
          Read the update<span className="sr-only">: {entry.summary.toLowerCase()}</span>
        </>
      );
    case "PAID":
      return "See the payments";
    case "EVALUATED":
      return "Read the evaluation";
    case "DECIDED":
      return "Read the decision";
    default:
      return "Read more";
  }
}

/** The lead's evaluation as submitted: where the measures ended, what it cost, what they learned. */
function EvaluationSummary({ evaluation, project }: { evaluation: Evaluation; project: LoadedProject }) {
  const results = new Map(evaluation.measureResults.map((entry) => [entry.measureId, entry.value]));
  const difference = project.award.awardedPence - evaluation.costPence;
  return (
    <>
      <p className="mt-1 text-sm text-slate-700">
        Submitted by {evaluation.author.name},{" "}
        <time dateTime={evaluation.submittedAt.toISOString()}>{timeFormat.format(evaluation.submittedAt)}</time>
      </p>
      <p className="mt-3 text-xl font-semibold">Recommends: {OUTCOME_LABELS[evaluation.recommendation]}</p>
      {project.measures.length > 0 ? (
        <ScrollRegion label="Success measures at the end" className="mt-4">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <caption className="text-left font-semibold">Success measures at the end of the test</caption>
            <thead>
              <tr className={headRow}>
                <th scope="col" className="py-2 pr-3">Measure</th>
                <th scope="col" className="py-2 pr-3 text-right">Baseline</th>
                <th scope="col" className="py-2 pr-3 text-right">Target</th>
                <th scope="col" className="py-2 text-right">At the end</th>
              </tr>
            </thead>
            <tbody>
              {project.measures.map((measure) => {
                const value = results.get(measure.id) ?? null;
                return (
                  <tr key={measure.id} className={bodyRow}>
                    <th scope="row" className="py-2 pr-3 font-normal">{measure.name}</th>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatMeasure(measure.baseline, measure)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatMeasure(measure.target, measure)}</td>
                    <td className="py-2 text-right tabular-nums">{value === null ? "Not measured" : formatMeasure(value, measure)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <dl className="mt-4 max-w-prose space-y-3">
        <div>
          <dt className="font-semibold">What the test cost</dt>
          <dd className="mt-1 tabular-nums">
            {formatPence(evaluation.costPence)} of {formatPence(project.award.awardedPence)} awarded
            {difference > 0 ? ` (${formatPence(difference)} less than the award)` : ""}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">What worked</dt>
          <dd className="mt-1 whitespace-pre-line break-words">{evaluation.whatWorked}</dd>
        </div>
        <div>
          <dt className="font-semibold">What did not work</dt>
          <dd className="mt-1 whitespace-pre-line break-words">{evaluation.whatDidNot}</dd>
        </div>
      </dl>
    </>
  );
}

/** The partnership's decision on the test, as recorded. */
function DecisionSummary({ decision }: { decision: Decision }) {
  return (
    <div className="mt-3 max-w-prose rounded-md border-l-4 border-brand-800 bg-slate-50 p-4">
      <h3 className="text-xl font-semibold">Decision: {OUTCOME_LABELS[decision.outcome]}</h3>
      <p className="mt-1 text-sm text-slate-700">
        Recorded by {decision.decidedBy.name},{" "}
        <time dateTime={decision.decidedAt.toISOString()}>{timeFormat.format(decision.decidedAt)}</time>
      </p>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-semibold">Reasons</dt>
          <dd className="mt-1 whitespace-pre-line break-words">{decision.reasons}</dd>
        </div>
        {decision.nextStep ? (
          <div>
            <dt className="font-semibold">Next step for recurring funding</dt>
            <dd className="mt-1 whitespace-pre-line break-words">{decision.nextStep}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

/** One update in the history: what the team reported, and what the reviewer said. */
function UpdateEntry({ update, project, continuePath }: { update: Update; project: LoadedProject; continuePath: string | null }) {
  const lineItem = new Map(project.budget.lines.map((line) => [line.id, line.item]));
  const measureById = new Map(project.measures.map((measure) => [measure.id, measure]));
  const milestoneTitle = new Map(project.milestones.map((milestone) => [milestone.id, milestone.title]));
  const measureValues = update.measureValues.filter((entry) => entry.value !== null && measureById.has(entry.measureId));
  const details: [string, ReactNode][] = [
    ["Progress", update.narrative ? <p className="whitespace-pre-line break-words">{update.narrative}</p> : null],
    ["Risks", update.risks ? <p className="whitespace-pre-line break-words">{update.risks}</p> : null],
    ["Learning", update.learning ? <p className="whitespace-pre-line break-words">{update.learning}</p> : null],
    [
      "Spend to date",
      update.spend.length > 0 ? (
        <ul>
          {update.spend.map((entry) => (
            <li key={entry.budgetLineId}>
              {lineItem.get(entry.budgetLineId) ?? "A budget line"}: <span className="tabular-nums">{formatPence(entry.spentPence)}</span>
              {entry.overspendReason ? (
                <span className="mt-1 block border-l-4 border-amber-700 pl-3">
                  <span className="font-semibold">Why it is over budget: </span>
                  <span className="whitespace-pre-line break-words">{entry.overspendReason}</span>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null,
    ],
    [
      "Success measures",
      measureValues.length > 0 ? (
        <ul>
          {measureValues.map((entry) => {
            const measure = measureById.get(entry.measureId)!;
            return (
              <li key={entry.measureId}>
                {measure.name}: <span className="tabular-nums">{formatMeasure(entry.value, measure)}</span>
              </li>
            );
          })}
        </ul>
      ) : null,
    ],
    [
      "Milestones",
      update.milestoneChanges.length > 0 ? (
        <ul>
          {update.milestoneChanges.map((change) => (
            <li key={change.milestoneId}>
              {milestoneTitle.get(change.milestoneId) ?? "A milestone"}:{" "}
              {change.state === "DONE" ? `done on ${formatDay(new Date(change.doneOn))}` : `slipped to ${formatDay(new Date(change.newDueOn))}`}
            </li>
          ))}
        </ul>
      ) : null,
    ],
  ];
  const shown = details.filter(([, content]) => content !== null);

  return (
    <article aria-labelledby={`update-${update.id}`}>
      <h3 id={`update-${update.id}`} className="text-xl font-semibold">
        Period {update.periodSequence} update
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
        <UpdateStatusTag status={update.status} />
        {update.late ? (
          <span className="inline-block rounded-sm bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900">Late</span>
        ) : null}
        {update.rag ? <RagTag rag={update.rag} /> : null}
        {update.percentComplete !== null ? <span>{update.percentComplete}% complete</span> : null}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {update.author.name}
        {update.submittedAt ? (
          <>
            , submitted <time dateTime={update.submittedAt.toISOString()}>{timeFormat.format(update.submittedAt)}</time>
          </>
        ) : (
          <>
            , last saved <time dateTime={update.updatedAt.toISOString()}>{timeFormat.format(update.updatedAt)}</time>
          </>
        )}
      </p>
      {update.status === "DRAFT" && continuePath ? (
        <p className="mt-2">
          <Link href={continuePath}>Draft — continue writing</Link>
        </p>
      ) : null}
      {shown.length > 0 ? (
        <dl className="mt-3 max-w-prose space-y-3">
          {shown.map(([label, content]) => (
            <div key={label}>
              <dt className="font-semibold">{label}</dt>
              <dd className="mt-1">{content}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {update.reviewNote || update.reviewedBy ? (
        <div className="mt-3 max-w-prose rounded-md bg-slate-50 p-3">
          <p className="text-sm text-slate-700">
            {update.status === "RETURNED" ? "Sent back" : "Reviewed"}
            {update.reviewedBy ? ` by ${update.reviewedBy.name}` : ""}
            {update.reviewedAt ? (
              <>
                , <time dateTime={update.reviewedAt.toISOString()}>{timeFormat.format(update.reviewedAt)}</time>
              </>
            ) : null}
          </p>
          {update.reviewNote ? <p className="mt-1 whitespace-pre-line break-words">{update.reviewNote}</p> : null}
        </div>
      ) : null}
    </article>
  );
}
