import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { QuestionSetForm } from "@/components/reflections/question-set-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { loadQuestionSet, loadQuestionSets } from "@/server/pages/reflections";

export const metadata: Metadata = { title: "Change a question set" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; questionSetId: string }> };

/** An officer changes one of the partnership's own question sets: its title, introduction and questions. */
export default async function EditQuestionSetPage({ params }: Props) {
  const { slug, questionSetId } = await params;
  const here = paths.editQuestionSet(slug, questionSetId);
  const { canEdit } = await loadQuestionSets(slug, here);
  if (!canEdit) notFound();
  const set = await loadQuestionSet(slug, questionSetId, here);
  return (
    <>
      <p className="mb-4">
        <Link href={paths.newReflection(slug)}>Back to running a reflection</Link>
      </p>
      <PageHeader title={`Change “${set.title}”`} lead="Change the title, what it is for and the questions. Reflections already run keep the answers people gave." />
      <QuestionSetForm
        slug={slug}
        questionSetId={set.id}
        runs={set.runs}
        initial={{
          title: set.title,
          description: set.description,
          questions: set.questions.map((question) => ({ prompt: question.prompt, help: question.help, kind: question.kind })),
        }}
      />
    </>
  );
}
