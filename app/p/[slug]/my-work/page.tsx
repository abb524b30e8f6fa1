import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { MyProjects, MyProposals, UpdatesDue } from "@/components/my-work/my-work-own";
import { CommunitySection, WaitingForMe, type Community } from "@/components/my-work/my-work-waiting";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "My work" };
export const dynamic = "force-dynamic";

/** Everything waiting for the signed-in person in this partnership, in one place. */
export default async function MyWorkPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const here = paths.myWork(slug);
  await requireSignedIn(here);
  const api = await getApi();
  const work = await loadOr404(() => api.portfolio.myWork({ partnershipSlug: slug }), { here });
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
      <PageHeader
        title="My work"
        lead="Your funded projects, the progress updates due from you, the proposals you write, what is waiting for you, and your events and reflections."
      >
        {work.viewer.canSeeDashboard ? (
          <p className="mt-3">
            <Link href={paths.dashboard(slug)}>Portfolio dashboard</Link>
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
