import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { RunReflectionForm, type RunChoice } from "@/components/reflections/run-reflection-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import { loadQuestionSets } from "@/server/pages/reflections";
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
  const sets = await loadQuestionSets(slug, paths.newReflection(slug));
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
        <Link href={paths.reflections(slug)}>Back to reflections</Link>
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
      {sets.canEdit ? (
        <Section title="Change the questions" id="change-questions-heading" lead="As an officer you can change your partnership's own question sets, or copy a built-in template and change the copy.">
          <ul className="space-y-2">
            {sets.templates.map((template) => (
              <li key={template.key}>
                <Link href={paths.newQuestionSet(slug, template.key)}>
                  Copy and change<span className="sr-only"> the template</span> “{template.title}”
                </Link>
              </li>
            ))}
            {sets.questionSets.map((set) => (
              <li key={set.id}>
                <Link href={paths.editQuestionSet(slug, set.id)}>Change “{set.title}”</Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
