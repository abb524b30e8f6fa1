import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { loadOr404 } from "@/server/pages/load";
import { ReflectionList } from "@/components/reflections/reflection-list";
import { TrendTable } from "@/components/reflections/trend-table";
import { loadSubGroup } from "@/server/pages/sub-groups";
import { ButtonLink } from "@/components/ui/button";
import { paths } from "@/lib/paths";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  return { title: `Reflections · ${group.name}` };
}

/** The sub-group's reflections, and how repeated ones have moved over time. */
export default async function SubGroupReflectionsPage({ params }: Props) {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  const api = await getApi();
  // Someone outside the sub-group is refused its trend: they are shown how to join instead.
  const trend = await loadOr404(() =>
    api.reflection.trend({ subGroupId: group.id }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
      throw error;
    }),
  );
  if (!trend) {
    return (
      <>
        <PageHeader title="Reflections" lead="Join this sub-group to take part in its reflections." />
        <p>
          <Link href={paths.subGroup(slug, groupId)}>Go to the sub-group&apos;s page to ask to join</Link>
        </p>
      </>
    );
  }
  const [lists, mayRun] = await Promise.all([
    api.reflection.list({ partnershipSlug: slug }),
    api.reflection.questionSets({ partnershipSlug: slug }).then(
      (sets) => sets.canRunFor.subGroups.some((candidate) => candidate.id === group.id),
      () => false,
    ),
  ]);
  const forGroup = <T extends { audience: { kind: string; subGroupId?: string } }>(items: T[]) =>
    items.filter((item) => item.audience.kind === "SUB_GROUP" && item.audience.subGroupId === group.id);
  const open = forGroup([...lists.toAnswer, ...lists.running.filter((item) => !lists.toAnswer.some((other) => other.id === item.id))]);
  const closed = forGroup(lists.closed);

  return (
    <>
      <PageHeader title="Reflections" lead="Team chats and pulses this sub-group has held: answer the open ones, and see how things are moving.">
        {mayRun && !group.archived ? (
          <p className="mt-6">
            <ButtonLink href={paths.newReflection(slug, { subGroupId: group.id })}>Run a reflection for this sub-group</ButtonLink>
          </p>
        ) : null}
      </PageHeader>

      <section aria-labelledby="open-heading" className="mb-12">
        <h2 id="open-heading" className="text-2xl font-semibold">
          Open now
        </h2>
        {open.length === 0 ? <p className="mt-2">This sub-group has no open reflections.</p> : <ReflectionList slug={slug} items={open} show="answer" />}
      </section>

      <section aria-labelledby="trend-heading" className="mb-12">
        <h2 id="trend-heading" className="text-2xl font-semibold">
          Over time
        </h2>
        {trend.questionSets.length === 0 ? (
          <p className="mt-2">Nothing to compare yet. Once reflections close (or you have answered them) they appear here, run by run.</p>
        ) : (
          trend.questionSets.map((set) => <TrendTable key={set.questionSetId} slug={slug} set={set} />)
        )}
      </section>

      <section aria-labelledby="closed-heading">
        <h2 id="closed-heading" className="text-2xl font-semibold">
          Closed in the last year
        </h2>
        {closed.length === 0 ? <p className="mt-2">None yet.</p> : <ReflectionList slug={slug} items={closed} show="results" />}
      </section>
    </>
  );
}
