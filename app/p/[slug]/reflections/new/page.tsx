import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/components/reflections/load-reflection";
import { RunReflectionForm, type RunChoice } from "@/components/reflections/run-reflection-form";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";
import { addDays, londonDay } from "@/server/domain/reflections/dates";

export const metadata: Metadata = { title: "Run a reflection" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Officers and chairs run reflections for anyone; sub-group leads for their sub-group; project leads for their team. */
export default async function RunReflectionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { subGroupId, questionSet } = await searchParams;
  await requireSignedIn(slug, `/p/${slug}/reflections/new`);
  const api = await getApi();
  const sets = await api.reflection.questionSets({ partnershipSlug: slug }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const { canRunFor } = sets;
  const mayRun = canRunFor.partnership || canRunFor.subGroups.length > 0 || canRunFor.projects.length > 0;
  const today = londonDay(new Date());

  const choices: RunChoice[] = [
    ...sets.templates.map((template) => ({
      value: `template:${template.key}`,
      title: template.title,
      description: template.description,
      questionCount: template.questions.length,
      scaleCount: template.questions.filter((question) => question.kind === "SCALE").length,
    })),
    ...sets.questionSets.map((set) => ({
      value: `set:${set.id}`,
      title: set.title,
      description: set.description || (set.createdByName ? `Written by ${set.createdByName}.` : ""),
      questionCount: set.questions.length,
      scaleCount: set.questions.filter((question) => question.kind === "SCALE").length,
    })),
  ];
  const initialAudience =
    typeof subGroupId === "string" && canRunFor.subGroups.some((group) => group.id === subGroupId) ? `SUB_GROUP:${subGroupId}` : undefined;

  return (
    <>
      <p className="mb-4">
        <Link href={`/p/${slug}/reflections`}>Back to reflections</Link>
      </p>
      <PageHeader
        title="Run a reflection"
        lead="Ask a sub-group, a project team or the whole partnership a few questions, and see the answers together when it closes."
      />
      {mayRun ? (
        <RunReflectionForm
          slug={slug}
          choices={choices}
          canRunFor={canRunFor}
          today={today}
          defaultClosesOn={addDays(today, 14)}
          initialAudience={initialAudience}
          initialSource={typeof questionSet === "string" ? `set:${questionSet}` : undefined}
        />
      ) : (
        <p className="max-w-prose">
          Reflections are run by the partnership&apos;s officers and chairs, by sub-group leads for their sub-group, and by
          project leads for their project team. Ask one of them if you would like your group to hold one.
        </p>
      )}
    </>
  );
}
