import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/components/reflections/load-reflection";
import { QuestionSetForm } from "@/components/reflections/question-set-form";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Write a question set" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** A question set of the partnership's own, to run as a reflection beside the ready-made templates. */
export default async function NewQuestionSetPage({ params }: Props) {
  const { slug } = await params;
  await requireSignedIn(slug, `/p/${slug}/reflections/question-sets/new`);
  const api = await getApi();
  await api.reflection.questionSets({ partnershipSlug: slug }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <>
      <p className="mb-4">
        <Link href={`/p/${slug}/reflections/new`}>Back to running a reflection</Link>
      </p>
      <PageHeader
        title="Write a question set"
        lead="Up to twenty questions, each answered in writing or on a scale of 1 to 5. Scales give averages you can follow over repeated runs."
      />
      <QuestionSetForm slug={slug} />
    </>
  );
}
