import { Link } from "@/components/ui/link";
import { formatShortDay } from "@/components/events/event-labels";
import { EVENT_RECURRENCE_LABELS } from "@/lib/event-kinds";
import { paths } from "@/lib/paths";
import type { LoadedEvent } from "@/server/pages/events";

/** Every date of a repeating event, this one marked. */
export function EventSeries({ slug, event }: { slug: string; event: LoadedEvent }) {
  if (!event.series || event.series.dates.length <= 1) return null;
  return (
    <section aria-labelledby="series-heading" className="rounded-md border border-slate-300 p-4">
      <h2 id="series-heading" className="text-xl font-semibold">
        All dates
      </h2>
      <p className="mt-1 text-sm text-slate-700">{EVENT_RECURRENCE_LABELS[event.series.recurrence]}</p>
      <ul className="mt-2 space-y-1">
        {event.series.dates.map((date) => (
          <li key={date.id}>
            {date.id === event.id ? (
              <span aria-current="page" className="font-semibold">
                {formatShortDay(date.startsAt)} (this one)
              </span>
            ) : (
              <Link href={paths.event(slug, date.id)}>{formatShortDay(date.startsAt)}</Link>
            )}
            {date.status === "CANCELLED" ? " (cancelled)" : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
