import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CancelledTag, EventWhen, MyStatusTag } from "@/components/events/event-labels";
import { Section } from "@/components/portfolio/portfolio-sections";
import { formatDay } from "@/components/reflections/labels";
import {
  Day,
  dueDistance,
  InstantDay,
  ReportStateTag,
} from "@/components/projects/project-labels";
import { ProposalStatusTag } from "@/components/proposals/proposal-labels";
import { ProjectTable } from "@/components/projects/project-table";
import { PageHeader } from "@/components/ui/page-header";
import { MY_AUTHOR_ROLE_LONG } from "@/lib/role-labels";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import type { MyWork } from "@/server/domain/portfolio/my-work";
import { OUTCOME_LABELS } from "@/server/domain/projects/evaluation";

export const metadata: Metadata = { title: "My work" };
export const dynamic = "force-dynamic";

/** Everything waiting for the signed-in person in this partnership, in one place. */
export default async function MyWorkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!partnershipSlug.safeParse(slug).success) notFound();
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(`/p/${slug}/my-work`)}`);
  const api = await getApi();
  const work = await api.portfolio.myWork({ partnershipSlug: slug }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const [events, reflections, storiesToModerate] = await Promise.all([
    api.event.list({ partnershipSlug: slug, when: "upcoming" }),
    api.reflection.list({ partnershipSlug: slug }),
    work.viewer.canModerateStories ? api.story.moderationQueue({ partnershipSlug: slug }) : null,
  ]);
  const community: Community = {
    events: events.events.filter((event) => event.myStatus === "GOING" || event.myStatus === "WAITING").slice(0, 10),
    reflectionsToAnswer: reflections.toAnswer.filter((reflection) => reflection.canAnswer && !reflection.answered),
    storiesToModerate: storiesToModerate?.length ?? null,
  };

  return (
    <>
      <PageHeader title="My work" lead="Your funded projects, the progress updates due from you, the proposals you write, what is waiting for you, and your events and reflections.">
        {work.viewer.canSeeDashboard ? (
          <p className="mt-3">
            <Link href={`/p/${slug}/dashboard`}>Portfolio dashboard</Link>
          </p>
        ) : null}
      </PageHeader>
      <MyProjects slug={slug} projects={work.projects} />
      <UpdatesDue slug={slug} due={work.updatesDue} />
      <MyProposals slug={slug} proposals={work.proposals} />
      <WaitingForMe slug={slug} waiting={work.waiting} />
      <CommunitySection slug={slug} community={community} />
    </>
  );
}

function MyProjects({ slug, projects }: { slug: string; projects: MyWork["projects"] }) {
  return (
    <Section id="projects-heading" title="My projects">
      {projects.length === 0 ? (
        <p className="mt-2">You are not on the team of any funded project in this partnership.</p>
      ) : (
        <ProjectTable slug={slug} rows={projects} caption="The funded projects you lead or work on" />
      )}
    </Section>
  );
}

function UpdatesDue({ slug, due }: { slug: string; due: MyWork["updatesDue"] }) {
  return (
    <Section id="due-heading" title="Updates due">
      {due.length === 0 ? (
        <p className="mt-2">No progress updates are due from you in the next week, and none are overdue.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
          {due.map((period) => (
            <li key={period.periodId} className="flex flex-wrap items-start justify-between gap-3 py-4">
              <div className="min-w-0">
                <h3 className="text-lg font-semibold break-words">
                  <Link href={`/p/${slug}/projects/${period.projectId}`}>{period.projectName}</Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                  <ReportStateTag state={period.state} />
                  <span>
                    Period {period.periodSequence}, due <Day day={period.dueOn} /> ({dueDistance(period.daysUntilDue)})
                  </span>
                </p>
              </div>
              <Link
                href={`/p/${slug}/projects/${period.projectId}/updates/new`}
                aria-label={`${period.hasDraft ? "Continue the progress update" : "Post a progress update"} for ${period.projectName}, period ${period.periodSequence}`}
              >
                {period.hasDraft ? "Continue the progress update" : "Post a progress update"}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function MyProposals({ slug, proposals }: { slug: string; proposals: MyWork["proposals"] }) {
  return (
    <Section id="proposals-heading" title="Proposals I co-author">
      {proposals.length === 0 ? (
        <p className="mt-2">You are not an author of any proposal in this partnership.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="py-4">
              <h3 className="text-lg font-semibold break-words">
                <Link href={`/p/${slug}/proposals/${proposal.id}`}>{proposal.title}</Link>
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
                <ProposalStatusTag status={proposal.status} />
                <span>{MY_AUTHOR_ROLE_LONG[proposal.myRole]}</span>
                <span>{proposal.subGroupName}</span>
                <span>
                  Last change <InstantDay at={proposal.updatedAt} />
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function WaitingForMe({ slug, waiting }: { slug: string; waiting: MyWork["waiting"] }) {
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
                <Link href={`/p/${slug}/projects/${update.projectId}`} className="break-words">
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
                <Link href={`/p/${slug}/projects/${project.projectId}`} className="break-words">
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
                <Link href={`/p/${slug}/funding/rounds/${round.roundId}/assessment`} className="break-words">
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
                <Link href={`/p/${slug}/assess/${proposal.proposalId}`} className="break-words">
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

type Community = {
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
function CommunitySection({ slug, community }: { slug: string; community: Community }) {
  return (
    <Section id="community-heading" title="Events, reflections and stories">
      <h3 className="mt-4 text-xl font-semibold">Your upcoming events</h3>
      {community.events.length === 0 ? (
        <p className="mt-2">
          You have not said you are going to any upcoming event. <Link href={`/p/${slug}/events`}>See what is on</Link>.
        </p>
      ) : (
        <ul className="mt-2 max-w-prose space-y-2">
          {community.events.map((event) => (
            <li key={event.id}>
              <Link href={`/p/${slug}/events/${event.id}`} className="font-semibold break-words">
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
        <Link href={`/p/${slug}/connections`}>Your connections: people you want to talk to again</Link>
      </p>
      <h3 className="mt-6 text-xl font-semibold">Reflections waiting for your answer</h3>
      {community.reflectionsToAnswer.length === 0 ? (
        <p className="mt-2">Nothing to answer.</p>
      ) : (
        <ul className="mt-2 max-w-prose space-y-2">
          {community.reflectionsToAnswer.map((reflection) => (
            <li key={reflection.id}>
              <Link href={`/p/${slug}/reflections/${reflection.id}`} className="font-semibold break-words">
                {reflection.title}
              </Link>
              <span className="block text-slate-700">Closes {formatDay(reflection.closesAt)}</span>
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
              <Link href={`/p/${slug}/stories/moderation`}>
                {community.storiesToModerate} {community.storiesToModerate === 1 ? "story is" : "stories are"} waiting to be read
              </Link>
            )}
          </p>
        </>
      ) : null}
    </Section>
  );
}
