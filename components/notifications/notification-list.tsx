import { TimeStamp } from "@/components/discussions/time-stamp";
import { paths } from "@/lib/paths";

type Item = {
  id: string;
  title: string;
  body: string | null;
  read: boolean;
  createdAt: Date;
  partnership: { name: string } | null;
};

/**
 * The notifications, newest first. Each opens through /notifications/<id>/open, which
 * marks it read and goes on to what it is about: a plain link, so it works without
 * scripts (and is not prefetched, which would mark it read unseen).
 */
export function NotificationList({ items }: { items: readonly Item[] }) {
  return (
    <ol className="divide-y divide-slate-200 border-y border-slate-200">
      {items.map((item) => (
        <li key={item.id} className={`py-3 ${item.read ? "" : "border-l-4 border-brand-800 pl-3"}`}>
          <p className="break-words">
            {item.read ? null : (
              <span className="mr-2 inline-block rounded bg-brand-800 px-2 text-sm font-semibold text-white">Unread</span>
            )}
            <a href={paths.openNotification(item.id)} className={item.read ? "" : "font-semibold"}>
              {item.title}
            </a>
          </p>
          {item.body ? <p className="mt-1 max-w-prose break-words text-slate-800">{item.body}</p> : null}
          <p className="mt-1 text-sm text-slate-700">
            {item.partnership ? `${item.partnership.name} · ` : ""}
            <TimeStamp date={item.createdAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}
