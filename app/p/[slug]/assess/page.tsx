import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Proposals to assess" };
export const dynamic = "force-dynamic";

const STATE_LABELS = { NOT_STARTED: "To score", DRAFT: "Draft saved", SUBMITTED: "Submitted", CONFLICT: "Conflict of interest" } as const;

export default async function ProposalsToAssessPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!partnershipSlug.safeParse(slug).success) notFound();
  const api = await getApi();
  const assessments = await api.assessment.mine({ partnershipSlug: slug }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const rounds = [...new Map(assessments.map((item) => [item.round.id, item.round])).values()];

  return (
    <>
      <PageHeader
        title="Proposals to assess"
        lead="The proposals submitted to funding rounds whose assessment panel you sit on. Score each one against the round's criteria."
      />
      {rounds.length === 0 ? <p>You are not asked to assess any proposals at the moment.</p> : null}
      {rounds.map((round) => {
        const items = assessments.filter((item) => item.round.id === round.id);
        const headingId = `round-${round.id}`;
        return (
          <section key={round.id} aria-labelledby={headingId} className="mb-10">
            <h2 id={headingId} className="text-2xl font-semibold">
              {round.title}
            </h2>
            <ul className="mt-3 space-y-3">
              {items.map((item) => (
                <li key={item.proposal.id} className="rounded-md border border-slate-300 p-4">
                  <h3 className="text-lg font-semibold">
                    <Link href={`/p/${slug}/assess/${item.proposal.id}`}>{item.proposal.title}</Link>
                  </h3>
                  <p className="text-slate-700">
                    {item.proposal.subGroupName} · asks for {formatPence(item.proposal.requestedPence)}
                  </p>
                  <p className="mt-1 font-semibold">
                    {STATE_LABELS[item.state]}
                    {item.state !== "SUBMITTED" && item.state !== "CONFLICT" && !item.canScore
                      ? item.proposal.status === "SUBMITTED"
                        ? " · scoring has not started yet"
                        : " · scoring has closed"
                      : ""}
                  </p>
                  {item.conflicts.length > 0 ? (
                    <ul className="mt-1 list-disc pl-5 text-slate-700">
                      {item.conflicts.map((conflict) => (
                        <li key={conflict}>{conflict}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
