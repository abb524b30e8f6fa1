import { Link } from "@/components/ui/link";
import { TimeStamp } from "./time-stamp";

type Item = { id: string; summary: string; linkPath: string | null; createdAt: Date };

/** The sub-group's activity feed, newest first. */
export function ActivityList({ items }: { items: readonly Item[] }) {
  if (items.length === 0) return <p className="mt-2 text-slate-700">Nothing has happened here yet.</p>;
  return (
    <ol className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
      {items.map((item) => (
        <li key={item.id} className="py-2">
          <p className="break-words">{item.linkPath ? <Link href={item.linkPath}>{item.summary}</Link> : item.summary}</p>
          <p className="text-sm text-slate-700">
            <TimeStamp date={item.createdAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}
