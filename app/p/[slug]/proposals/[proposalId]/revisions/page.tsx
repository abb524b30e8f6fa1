import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { loadProposal } from "@/server/pages/proposals";
import { timeFormat } from "@/components/proposals/proposal-labels";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { DiffPart } from "@/lib/text-diff";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; proposalId: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

const pathOf = (slug: string, proposalId: string) => `/p/${slug}/proposals/${proposalId}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, `${pathOf(slug, proposalId)}/revisions`);
  return { title: `Revisions · ${proposal.title}` };
}

function revisionNumber(value: string | string[] | undefined): number | null {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/** Words taken out and put in, marked in text as well as colour so they read without it. */
function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="whitespace-pre-line break-words">
      {parts.map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={index} className="bg-red-50 text-red-900">
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <ins key={index} className="bg-green-50 text-green-900">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ),
      )}
    </p>
  );
}

/** Every save of the proposal, and what changed between any two of them. */
export default async function ProposalRevisionsPage({ params, searchParams }: Props) {
  const { slug, proposalId } = await params;
  const readPath = pathOf(slug, proposalId);
  const proposal = await loadProposal(slug, proposalId, `${readPath}/revisions`);
  const api = await getApi();
  const revisions = await api.proposal.revisions({ proposalId });
  const latest = proposal.revision;

  const query = await searchParams;
  const to = revisionNumber(query.to) ?? latest;
  const from = revisionNumber(query.from) ?? Math.max(0, to - 1);
  let comparison = null;
  let problem: string | null = null;
  if (latest > 0) {
    try {
      comparison = await api.proposal.compare({ proposalId, fromRevision: from, toRevision: to });
    } catch (error) {
      if (!(error instanceof TRPCError && error.code === "BAD_REQUEST")) throw error;
      problem = from >= to ? "Choose an earlier revision to compare from." : error.message;
    }
  }
  const choices = [0, ...revisions.map((revision) => revision.number).sort((a, b) => a - b)];
  const describe = (number: number) => {
    if (number === 0) return "0: the empty proposal";
    const revision = revisions.find((candidate) => candidate.number === number);
    return revision ? `${number}: ${revision.sectionLabel}, ${revision.author.name}, ${timeFormat.format(revision.createdAt)}` : String(number);
  };

  return (
    <>
      <p className="mb-2">
        <Link href={readPath}>Back to the proposal</Link>
      </p>
      <PageHeader title={`Revisions of ${proposal.title}`} lead="Every save is a revision. Choose two to see what changed between them." />

      <form method="get" className="mb-8 grid grid-cols-[minmax(0,1fr)] items-end gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
        <div className="space-y-1">
          <label htmlFor="from" className="block font-semibold">
            From revision
          </label>
          <select id="from" name="from" defaultValue={String(from)} className="block w-full rounded-md border-2 border-slate-700 bg-white px-3 py-2">
            {choices.slice(0, -1).map((number) => (
              <option key={number} value={number}>
                {describe(number)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="to" className="block font-semibold">
            To revision
          </label>
          <select id="to" name="to" defaultValue={String(to)} className="block w-full rounded-md border-2 border-slate-700 bg-white px-3 py-2">
            {choices.slice(1).map((number) => (
              <option key={number} value={number}>
                {describe(number)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={`${buttonClass.secondary} justify-self-start`}>
          Compare
        </button>
      </form>

      {problem ? <FormMessage tone="error">{problem}</FormMessage> : null}

      {comparison ? (
        <section aria-labelledby="changes-heading" className="mb-12">
          <h2 id="changes-heading" className="text-2xl font-semibold">
            Changes from revision {comparison.from.number} to revision {comparison.to.number}
          </h2>
          {comparison.sections.every((section) => !section.changed) ? (
            <p className="mt-2">Nothing changed between these revisions.</p>
          ) : null}
          {comparison.sections
            .filter((section) => section.changed)
            .map((section) => (
              <section key={section.section} aria-labelledby={`diff-${section.section}`} className="mt-6">
                <h3 id={`diff-${section.section}`} className="text-xl font-semibold">
                  {section.label}
                </h3>
                <div className="mt-2 max-w-prose rounded-md border border-slate-300 p-3">
                  <Diff parts={section.diff} />
                </div>
              </section>
            ))}
        </section>
      ) : null}

      <section aria-labelledby="all-heading">
        <h2 id="all-heading" className="text-2xl font-semibold">
          All revisions
        </h2>
        {revisions.length === 0 ? <p className="mt-2">Nothing has been saved yet.</p> : null}
        <ScrollRegion label="All revisions" className="mt-3">
          <table className="w-full min-w-[28rem] border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-2 pr-3">Revision</th>
                <th scope="col" className="py-2 pr-3">Section</th>
                <th scope="col" className="py-2 pr-3">By</th>
                <th scope="col" className="py-2 pr-3">When</th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Compare</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.number} className="border-b border-slate-200">
                  <td className="py-2 pr-3 tabular-nums">{revision.number}</td>
                  <td className="py-2 pr-3">{revision.sectionLabel}</td>
                  <td className="py-2 pr-3">{revision.author.name}</td>
                  <td className="py-2 pr-3">{timeFormat.format(revision.createdAt)}</td>
                  <td className="py-2">
                    <Link href={`?from=${revision.number - 1}&to=${revision.number}`}>
                      What changed<span className="sr-only"> in revision {revision.number}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </>
  );
}
