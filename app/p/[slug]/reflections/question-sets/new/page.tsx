import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { QuestionSetForm, type QuestionSetDraft } from "@/components/reflections/question-set-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { loadQuestionSets } from "@/server/pages/reflections";

export const metadata: Metadata = { title: "Write a question set" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A question set of the partnership's own, to run as a reflection beside the ready-made
 * templates; with `?template=`, an officer's copy of a built-in template to change.
 */
export default async function NewQuestionSetPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { template: templateKey } = await searchParams;
  const sets = await loadQuestionSets(slug, paths.newQuestionSet(slug));
  const template = typeof templateKey === "string" ? sets.templates.find((candidate) => candidate.key === templateKey) : undefined;
  if (templateKey !== undefined && (!template || !sets.canEdit)) notFound();
  const initial: QuestionSetDraft | undefined = template
    ? {
        title: `${template.title} (our version)`,
        description: template.description,
        questions: template.questions.map(({ prompt, help, kind }) => ({ prompt, help, kind })),
      }
    : undefined;
  return (
    <>
      <p className="mb-4">
        <Link href={paths.newReflection(slug)}>Back to running a reflection</Link>
      </p>
      <PageHeader
        title={template ? `Copy and change “${template.title}”` : "Write a question set"}
        lead={
          template
            ? "Your partnership's own copy: change the title, what it is for and the questions. The built-in template stays as it is."
            : "Up to twenty questions, each answered in writing or on a scale of 1 to 5. Scales give averages you can follow over repeated runs."
        }
      />
      <QuestionSetForm slug={slug} initial={initial} />
    </>
  );
}
