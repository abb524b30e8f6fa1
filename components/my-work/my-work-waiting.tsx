import { CancelledTag, EventWhen, MyStatusTag } from "@/components/events/event-labels";
import { InstantDay } from "@/components/projects/project-labels";
import { formatInstantDay } from "@/lib/uk-time";
import { OUTCOME_LABELS } from "@/server/domain/projects/evaluation";
import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import type { MyWork } from "@/server/domain/portfolio/my-work";

/** My work's parts about what waits for the person's decision, and their events and reflections. */

export function WaitingForMe({ slug, waiting }: { slug: string; waiting: MyWork["waiting"] }) {
  const { updatesToReview, projectsToDecide, proposalsUnderAssessment, proposalsToScore } = waiting;
  const nothing =
    (updatesToReview?.count ?? 0) === 0 &&
    (projectsToDecide?.length ?? 0) === 0 &&
    (proposalsUnderAssessment?.count ?? 0) === 0 &&
    proposalsToScore.length === 0;
  return (
    <Section id="waiting-heading" title="Waiting for my decision">
      {nothing ? <p className="mt-2">Nothing is waiting for your decision.</p> : null}

      {updatesToReview && updatesToReview.count > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-semibold">
            Progress updates to review ({updatesToReview.count.toLocaleString("en-GB")})
          </h3>
          <ul className="mt-2 space-y-2">
            {updatesToReview.items.map((update) => (
              <li key={update.updateId}>
                <Link href={paths.project(slug, update.projectId)} className="break-words">
                  {update.projectName}: period {update.periodSequence}
                </Link>{" "}
                <span className="text-slate-700">
                  submitted <InstantDay at={update.submittedAt} />
                  {update.late ? ", late" : ""}
                </span>
              </li>
            ))}
          </ul>
          {updatesToReview.count > updatesToReview.items.length ? (
            <p className="mt-2 text-slate-700">Showing the {updatesToReview.items.length} waiting longest.</p>
          ) : null}
        </>
      ) : null}

      {projectsToDecide && projectsToDecide.length > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-semibold">Evaluated projects to decide ({projectsToDecide.length})</h3>
          <ul className="mt-2 space-y-2">
            {projectsToDecide.map((project) => (
              <li key={project.projectId}>
                <Link href={paths.project(slug, project.projectId)} className="break-words">
                  {project.projectName}
                </Link>{" "}
                <span className="text-slate-700">
                  the lead recommends &ldquo;{OUTCOME_LABELS[project.recommendation]}&rdquo;, evaluated <InstantDay at={project.evaluatedAt} />
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {proposalsUnderAssessment && proposalsUnderAssessment.count > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-semibold">
            Proposals under assessment ({proposalsUnderAssessment.count.toLocaleString("en-GB")})
          </h3>
          <ul className="mt-2 space-y-2">
            {proposalsUnderAssessment.rounds.map((round) => (
              <li key={round.roundId}>
                <Link href={paths.roundAssessment(slug, round.roundId)} className="break-words">
                  {round.title}
                </Link>{" "}
                <span className="text-slate-700">
                  {round.count} {round.count === 1 ? "proposal" : "proposals"}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {proposalsToScore.length > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-semibold">Proposals to score ({proposalsToScore.length})</h3>
          <ul className="mt-2 space-y-2">
            {proposalsToScore.map((proposal) => (
              <li key={proposal.proposalId}>
                <Link href={paths.scoreSheet(slug, proposal.proposalId)} className="break-words">
                  {proposal.title}
                </Link>{" "}
                <span className="text-slate-700">
                  {proposal.roundTitle}
                  {proposal.started ? ", draft scores saved" : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

export type Community = {
  events: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    status: "SCHEDULED" | "CANCELLED";
    myStatus: "GOING" | "WAITING" | "CANCELLED" | null;
  }[];
  reflectionsToAnswer: { id: string; title: string; closesAt: Date }[];
  /** Officers only: stories waiting to be read before publishing. */
  storiesToModerate: number | null;
};

/** The events the person is going to (or waiting for), reflections asking for their answer, and stories to moderate. */
export function CommunitySection({ slug, community }: { slug: string; community: Community }) {
  return (
    <Section id="community-heading" title="Events, reflections and stories">
      <h3 className="mt-4 text-xl font-semibold">Your upcoming events</h3>
      {community.events.length === 0 ? (
        <p className="mt-2">
          You have not said you are going to any upcoming event. <Link href={paths.events(slug)}>See what is on</Link>.
        </p>
      ) : (
        <ul className="mt-2 max-w-prose space-y-2">
          {community.events.map((event) => (
            <li key={event.id}>
              <Link href={paths.event(slug, event.id)} className="font-semibold break-words">
                {event.title}
              </Link>{" "}
              {event.status === "CANCELLED" ? <CancelledTag /> : <MyStatusTag status={event.myStatus} />}
              <span className="block text-slate-700">
                <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <Link href={paths.connections(slug)}>Your connections: people you want to talk to again</Link>
      </p>
      <h3 className="mt-6 text-xl font-semibold">Reflections waiting for your answer</h3>
      {community.reflectionsToAnswer.length === 0 ? (
        <p className="mt-2">Nothing to answer.</p>
      ) : (
        <ul className="mt-2 max-w-prose space-y-2">
          {community.reflectionsToAnswer.map((reflection) => (
            <li key={reflection.id}>
              <Link href={paths.reflection(slug, reflection.id)} className="font-semibold break-words">
                {reflection.title}
              </Link>
              <span className="block text-slate-700">Closes {formatInstantDay(reflection.closesAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {community.storiesToModerate !== null ? (
        <>
          <h3 className="mt-6 text-xl font-semibold">Stories to moderate</h3>
          <p className="mt-2">
            {community.storiesToModerate === 0 ? (
              "No story is waiting."
            ) : (
              <Link href={paths.storyModeration(slug)}>
                {community.storiesToModerate} {community.storiesToModerate === 1 ? "story is" : "stories are"} waiting to be read
              </Link>
            )}
          </p>
        </>
      ) : null}
    </Section>
  );
}
