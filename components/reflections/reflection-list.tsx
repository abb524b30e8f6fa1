import { Link } from "@/components/ui/link";
import { paths } from "@/lib/paths";
import { LabelledTag, StatusTag } from "@/components/ui/status-tag";
import { ANONYMITY_LABELS, closingText, REFLECTION_STATE_LABELS, REFLECTION_STATE_TONES, reflectionState } from "./labels";

export type ReflectionListItem = {
  id: string;
  title: string;
  questionSetTitle: string;
  anonymity: "NAMED" | "ANONYMOUS";
  audience: { kind: string; label: string };
  closesAt: Date;
  closedAt: Date | null;
  runBy: string;
  answered: boolean;
  canAnswer: boolean;
  canManage: boolean;
  canSeeResults: boolean;
  responseCount: number | null;
};

/** Reflections as a list of cards: what, for whom, until when, and what the viewer can do next. */
export function ReflectionList({ slug, items, show }: { slug: string; items: ReflectionListItem[]; show: "answer" | "manage" | "results" }) {
  return (
    <ul className="mt-3 space-y-4">
      {items.map((item) => (
        <li key={item.id} className="rounded-md border-2 border-slate-300 p-4">
          <h3 className="text-lg font-semibold break-words">
            <Link href={paths.reflection(slug, item.id)}>{item.title}</Link>
          </h3>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">Asked</dt>
            <dd className="break-words">{item.audience.label}</dd>
            <dt className="font-semibold">Questions</dt>
            <dd className="break-words">{item.questionSetTitle}</dd>
            <dt className="font-semibold">Answers</dt>
            <dd>{ANONYMITY_LABELS[item.anonymity]}</dd>
            <dt className="font-semibold">Run by</dt>
            <dd>{item.runBy}</dd>
            {item.responseCount !== null ? (
              <>
                <dt className="font-semibold">Responses</dt>
                <dd className="tabular-nums">{item.responseCount}</dd>
              </>
            ) : null}
          </dl>
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
            <LabelledTag value={reflectionState(item)} labels={REFLECTION_STATE_LABELS} tones={REFLECTION_STATE_TONES} />
            {item.answered ? <StatusTag tone="success">You have answered</StatusTag> : null}
            <span>{closingText(item)}</span>
          </p>
          <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
            {show === "answer" && item.canAnswer ? (
              <Link href={paths.reflection(slug, item.id)}>
                Answer<span className="sr-only"> {item.title}</span>
              </Link>
            ) : null}
            {item.canSeeResults ? (
              <Link href={paths.reflectionResults(slug, item.id)}>
                See the results<span className="sr-only"> of {item.title}</span>
              </Link>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
