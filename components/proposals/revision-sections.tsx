import { Link } from "@/components/ui/link";
import { TimeStamp } from "@/components/discussions/time-stamp";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { Table, type Column } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import type { DiffPart } from "@/lib/text-diff";
import { formatDateTime } from "@/lib/uk-time";
import type { RevisionComparison, RevisionListItem } from "@/server/domain/proposals/history";

/** Words taken out and put in, marked in text as well as colour so they read without it. */
function Diff({ parts }: { parts: readonly DiffPart[] }) {
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

/** Two revisions to compare, chosen from lists; an ordinary GET form, so it works without scripts. */
export function CompareRevisionsForm({
  revisions,
  from,
  to,
}: {
  revisions: readonly RevisionListItem[];
  from: number;
  to: number;
}) {
  const choices = [0, ...revisions.map((revision) => revision.number).sort((a, b) => a - b)];
  const describe = (number: number) => {
    if (number === 0) return "0: the empty proposal";
    const revision = revisions.find((candidate) => candidate.number === number);
    return revision
      ? `${number}: ${revision.sectionLabel}, ${revision.author.name}, ${formatDateTime(revision.createdAt, "short")}`
      : String(number);
  };
  return (
    <form method="get" className="mb-8 grid grid-cols-[minmax(0,1fr)] items-end gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
      <SelectField id="from" name="from" label="From revision" defaultValue={String(from)}>
        {choices.slice(0, -1).map((number) => (
          <option key={number} value={number}>
            {describe(number)}
          </option>
        ))}
      </SelectField>
      <SelectField id="to" name="to" label="To revision" defaultValue={String(to)}>
        {choices.slice(1).map((number) => (
          <option key={number} value={number}>
            {describe(number)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" className="justify-self-start">
        Compare
      </Button>
    </form>
  );
}

/** What changed between the two chosen revisions, section by section. */
export function RevisionChangesSection({ comparison }: { comparison: RevisionComparison }) {
  const changed = comparison.sections.filter((section) => section.changed);
  return (
    <Section
      id="changes-heading"
      title={`Changes from revision ${comparison.from.number} to revision ${comparison.to.number}`}
      className="mb-12"
    >
      {changed.length === 0 ? <p>Nothing changed between these revisions.</p> : null}
      {changed.map((section) => (
        <Section key={section.section} id={`diff-${section.section}`} level={3} title={section.label} className="mt-6">
          <div className="max-w-prose rounded-md border border-slate-300 p-3">
            <Diff parts={section.diff} />
          </div>
        </Section>
      ))}
    </Section>
  );
}

/** Every save, newest first, each with a link to what it changed. */
export function AllRevisionsSection({
  slug,
  proposalId,
  revisions,
}: {
  slug: string;
  proposalId: string;
  revisions: readonly RevisionListItem[];
}) {
  // Two columns, so the list reads on a phone without scrolling sideways: who saved what and when sits under the section.
  const columns: Column<RevisionListItem>[] = [
    { key: "number", header: "Revision", numeric: true, rowHeader: true, nowrap: true, cell: (revision) => revision.number },
    {
      key: "saved",
      header: "What was saved",
      cell: (revision) => (
        <>
          <span className="block font-semibold">{revision.sectionLabel}</span>
          <span className="block text-sm text-slate-700">
            {revision.author.name}, <TimeStamp date={revision.createdAt} />
          </span>
          <Link href={paths.proposalRevisions(slug, proposalId, { from: revision.number - 1, to: revision.number })} className="text-sm">
            What changed<span className="sr-only"> in revision {revision.number}</span>
          </Link>
        </>
      ),
    },
  ];
  return (
    <Section id="all-heading" title="All revisions">
      <Table
        caption="All revisions"
        captionHidden
        columns={columns}
        rows={revisions}
        rowKey={(revision) => String(revision.number)}
        empty={<p>Nothing has been saved yet.</p>}
      />
    </Section>
  );
}
