import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { CancelledTag, EventWhen, KindTag, MyStatusTag, placesText } from "@/components/events/event-labels";
import { Button, ButtonLink, buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EVENT_KIND_LABELS, EVENT_KINDS, type EventKindCode } from "@/lib/event-kinds";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Events" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The partnership's events: upcoming (soonest first) or past, of one kind or all. */
export default async function EventsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  paramOr404(partnershipSlug, slug);
  const here = paths.events(slug);
  await requireSignedIn(here);
  const query = await searchParams;
  const when = query.when === "past" ? "past" : "upcoming";
  const kind = typeof query.kind === "string" && (EVENT_KINDS as readonly string[]).includes(query.kind) ? (query.kind as EventKindCode) : undefined;

  const api = await getApi();
  const list = await loadOr404(() => api.event.list({ partnershipSlug: slug, when, kind }), { here });
  const link = (next: { when?: string; kind?: string }) => {
    const params = new URLSearchParams();
    const w = next.when ?? when;
    const k = next.kind === undefined ? kind : next.kind;
    if (w === "past") params.set("when", "past");
    if (k) params.set("kind", k);
    const search = params.toString();
    return search ? `${here}?${search}` : here;
  };

  return (
    <>
      <PageHeader
        title="Events"
        lead="Introduction sessions, networking breakfasts, sub-group meetings and workshops: reply, add them to your calendar, and meet people from other sectors."
      >
        <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {list.create.kinds.length > 0 ? (
            <ButtonLink href={paths.newEvent(slug)}>Create an event</ButtonLink>
          ) : null}
          <ButtonLink href={paths.connections(slug)} variant="secondary">
            Your connections
          </ButtonLink>
        </div>
        <p className="mt-4 max-w-prose text-slate-700">
          Want the events you are going to in Outlook or Google Calendar?{" "}
          <Link href={paths.accountCalendarFeed()} className="font-semibold text-brand-800 underline">
            Get your private calendar link
          </Link>{" "}
          on your account page.
        </p>
      </PageHeader>

      <nav aria-label="Upcoming or past events" className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {(
            [
              ["upcoming", "Upcoming"],
              ["past", "Past"],
            ] as const
          ).map(([value, label]) => (
            <li key={value}>
              <Link
                href={link({ when: value })}
                aria-current={when === value ? "page" : undefined}
                className={buttonClasses(when === value ? "primary" : "secondary")}
              >
                {label} events
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action={here} className="mb-8 flex flex-col gap-3 sm:flex-row sm:items-end">
        {when === "past" ? <input type="hidden" name="when" value="past" /> : null}
        <div className="space-y-1">
          <label htmlFor="event-kind-filter" className="block font-semibold">
            Kind of event
          </label>
          <select id="event-kind-filter" name="kind" defaultValue={kind ?? ""} className="block w-full rounded-md border-2 border-slate-700 bg-white px-3 py-2 sm:w-72">
            <option value="">All kinds</option>
            {EVENT_KINDS.map((value) => (
              <option key={value} value={value}>
                {EVENT_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="text-2xl font-semibold">
          {when === "past" ? "Past events" : "Upcoming events"}
          {kind ? `: ${EVENT_KIND_LABELS[kind].toLowerCase()}s` : ""}
        </h2>
        {list.events.length === 0 ? (
          <p className="mt-2">{when === "past" ? "No past events to show." : "No upcoming events yet."}</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {list.events.map((event) => (
              <li key={event.id} className="rounded-md border border-slate-300 p-4">
                <h3 className="text-xl font-semibold">
                  <Link href={paths.event(slug, event.id)}>{event.title}</Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-2">
                  <KindTag kind={event.kind} />
                  {event.status === "CANCELLED" ? <CancelledTag /> : null}
                  {event.series ? <span className="text-sm text-slate-700">Part of a series</span> : null}
                  <MyStatusTag status={event.myStatus} />
                </p>
                <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
                  <dt className="font-semibold">When</dt>
                  <dd>
                    <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} />
                  </dd>
                  <dt className="font-semibold">Where</dt>
                  <dd>{[event.venueName, event.online ? "Online" : null].filter(Boolean).join(" and ")}</dd>
                  {event.subGroup ? (
                    <>
                      <dt className="font-semibold">Sub-group</dt>
                      <dd>{event.subGroup.name}</dd>
                    </>
                  ) : null}
                  {when === "upcoming" && event.status === "SCHEDULED" ? (
                    <>
                      <dt className="font-semibold">Places</dt>
                      <dd>{placesText(event.capacity, event.placesLeft, event.waiting)}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
