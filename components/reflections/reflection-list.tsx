import Link from "next/link";
import { ANONYMITY_LABELS, closingText } from "./labels";

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
            <Link href={`/p/${slug}/reflections/${item.id}`}>{item.title}</Link>
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
          <p className="mt-2 font-semibold">{closingText(item)}</p>
          <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
            {show === "answer" && item.canAnswer ? (
              <Link href={`/p/${slug}/reflections/${item.id}`}>
                Answer<span className="sr-only"> {item.title}</span>
              </Link>
            ) : null}
            {show === "answer" && item.answered ? <span>You have answered.</span> : null}
            {item.canSeeResults ? (
              <Link href={`/p/${slug}/reflections/${item.id}/results`}>
                See the results<span className="sr-only"> of {item.title}</span>
              </Link>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
