import type { Metadata } from "next";
import Link from "next/link";
import { AttendanceForm } from "@/components/events/attendance-form";
import { CancelEventForm } from "@/components/events/cancel-event-form";
import {
  CancelledTag,
  EventWhen,
  formatShortDay,
  KindTag,
  MyStatusTag,
  percent,
  personLine,
  placesText,
  sectorLabel,
} from "@/components/events/event-labels";
import { loadEvent, type LoadedEvent } from "@/components/events/load-event";
import { LogConnectionForm } from "@/components/events/log-connection-form";
import { NetworkingForm } from "@/components/events/networking-form";
import { RsvpControls } from "@/components/events/rsvp-controls";
import { buttonClass } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EVENT_RECURRENCE_LABELS } from "@/lib/event-kinds";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; eventId: string }> };

const pathOf = (slug: string, eventId: string) => `/p/${slug}/events/${eventId}`;
const sectionHeading = "text-2xl font-semibold";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, eventId } = await params;
  const event = await loadEvent(slug, eventId, pathOf(slug, eventId));
  return { title: `${event.title} · Events` };
}

/** One event: what, when and where, replying, the calendar file, speed networking, connections, and the organisers' area. */
export default async function EventPage({ params }: Props) {
  const { slug, eventId } = await params;
  const event = await loadEvent(slug, eventId, pathOf(slug, eventId));
  const api = await getApi();
  const schedule = await api.event.mySchedule({ eventId });
  const cancelled = event.status === "CANCELLED";

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/events`}>Back to events</Link>
      </p>
      <PageHeader title={event.title}>
        <p className="mt-3 flex flex-wrap items-center gap-2">
          <KindTag kind={event.kind} />
          {cancelled ? <CancelledTag /> : null}
          <MyStatusTag status={event.my.status} />
        </p>
      </PageHeader>

      {cancelled ? (
        <div role="note" className="mb-8 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">This event has been cancelled.</p>
          <p>If you added it to your calendar, downloading the calendar file again marks it as cancelled there too.</p>
        </div>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-10">
          <section aria-labelledby="details-heading">
            <h2 id="details-heading" className="sr-only">
              Details
            </h2>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
              <dt className="font-semibold">When</dt>
              <dd>
                <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} /> (UK time)
              </dd>
              <dt className="font-semibold">Where</dt>
              <dd className="space-y-1">
                {event.venueName ? (
                  <p>
                    {event.venueName}
                    {event.venueAddress ? <span className="block whitespace-pre-line text-slate-700">{event.venueAddress}</span> : null}
                  </p>
                ) : null}
                {event.onlineUrl ? (
                  <p>
                    Online:{" "}
                    <a href={event.onlineUrl} className="break-all" rel="noopener noreferrer">
                      join the meeting<span className="sr-only"> for {event.title}</span>
                    </a>
                  </p>
                ) : null}
              </dd>
              <dt className="font-semibold">Accessibility</dt>
              <dd className="whitespace-pre-line">{event.accessibilityNotes ?? "Ask the organisers about any adjustments you need."}</dd>
              {event.subGroup ? (
                <>
                  <dt className="font-semibold">Sub-group</dt>
                  <dd>
                    <Link href={`/p/${slug}/groups/${event.subGroup.id}`}>{event.subGroup.name}</Link>
                  </dd>
                </>
              ) : null}
              <dt className="font-semibold">Organised by</dt>
              <dd>{event.createdBy.name}</dd>
              {!cancelled ? (
                <>
                  <dt className="font-semibold">Places</dt>
                  <dd>
                    {placesText(event.capacity, event.placesLeft, event.waiting)}
                    {event.going > 0 ? ` (${event.going} going)` : ""}
                  </dd>
                </>
              ) : null}
            </dl>
            {event.description ? <p className="mt-6 max-w-prose whitespace-pre-line">{event.description}</p> : null}
          </section>

          {event.speakers.length > 0 ? (
            <section aria-labelledby="speakers-heading">
              <h2 id="speakers-heading" className={sectionHeading}>
                Speakers
              </h2>
              <ul className="mt-3 space-y-3">
                {event.speakers.map((speaker, index) => (
                  <li key={index}>
                    <p className="font-semibold">{speaker.name}</p>
                    {speaker.role ? <p className="text-slate-700">{speaker.role}</p> : null}
                    {speaker.topic ? <p>On: {speaker.topic}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {schedule.rounds.length > 0 ? (
            <section aria-labelledby="schedule-heading">
              <h2 id="schedule-heading" className={sectionHeading}>
                Your speed networking
              </h2>
              <p className="mt-2 max-w-prose">Who you meet in each round. Go to your table when the round is called.</p>
              <ol className="mt-4 space-y-4">
                {schedule.rounds.map((round) => (
                  <li key={round.round} className="rounded-md border border-slate-300 p-4">
                    <h3 className="text-lg font-semibold">
                      Round {round.round}: table {round.table}
                    </h3>
                    <ul className="mt-2 list-disc space-y-1 pl-5">
                      {round.others.map((person) => (
                        <li key={person.userId}>{personLine(person)}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          {event.my.canLogConnections ? (
            <section aria-labelledby="connections-heading">
              <h2 id="connections-heading" className={sectionHeading}>
                We should talk again
              </h2>
              <p className="mt-2 max-w-prose">
                Met someone you would like to work with? Log a connection: they are told, and either of you can start a draft
                proposal together from <Link href={`/p/${slug}/connections`}>your connections</Link>.
              </p>
              <div className="mt-4">
                <LogConnectionForm
                  slug={slug}
                  eventId={event.id}
                  people={schedule.peopleMet.map((person) => ({
                    userId: person.userId,
                    label: `${personLine(person)}${person.sharedTable ? ", at your table" : ""}`,
                    logged: person.logged,
                  }))}
                />
              </div>
            </section>
          ) : null}

          {event.canOrganise ? <OrganiserArea slug={slug} event={event} /> : null}
        </div>

        <aside aria-labelledby="your-place-heading" className="min-w-0 space-y-6">
          <section className="rounded-md border-2 border-slate-300 p-4">
            <h2 id="your-place-heading" className="text-xl font-semibold">
              Your place
            </h2>
            <p className="mt-2">
              {event.my.status === "GOING"
                ? "You are going."
                : event.my.status === "WAITING"
                  ? `You are on the waiting list: number ${event.my.position} in the queue. If a place comes up, it is yours and we will tell you.`
                  : cancelled
                    ? "This event has been cancelled."
                    : event.started
                      ? "This event has started, so it no longer takes replies."
                      : "You have not replied yet."}
            </p>
            {event.my.canReply ? (
              <div className="mt-3">
                <RsvpControls eventId={event.id} status={event.my.status} full={event.placesLeft === 0} />
              </div>
            ) : null}
            <p className="mt-4">
              <a href={event.calendarPath} download className={buttonClass.secondary}>
                Add to calendar<span className="sr-only"> (.ics file)</span>
              </a>
            </p>
            <p className="mt-2 text-sm text-slate-700">An .ics file for Outlook, Google Calendar or Apple Calendar.</p>
          </section>

          {event.series && event.series.dates.length > 1 ? (
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
                      <Link href={pathOf(slug, date.id)}>{formatShortDay(date.startsAt)}</Link>
                    )}
                    {date.status === "CANCELLED" ? " (cancelled)" : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

/** For organisers: change or cancel, who is coming and who came, and the speed-networking plan. */
async function OrganiserArea({ slug, event }: { slug: string; event: LoadedEvent }) {
  const api = await getApi();
  const attendees = await api.event.attendees({ eventId: event.id });
  const plan = event.kind === "NETWORKING_BREAKFAST" ? await api.event.networking({ eventId: event.id }) : null;
  const scheduled = event.status === "SCHEDULED";

  return (
    <section aria-labelledby="organiser-heading" className="space-y-8 border-t-4 border-brand-800 pt-6">
      <h2 id="organiser-heading" className={sectionHeading}>
        Organiser area
      </h2>
      {scheduled && !event.finished ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
          <Link href={`${pathOf(slug, event.id)}/edit`} className={buttonClass.secondary}>
            Change the details
          </Link>
          {!event.started ? <CancelEventForm eventId={event.id} /> : null}
        </div>
      ) : null}

      <section aria-labelledby="going-heading">
        <h3 id="going-heading" className="text-xl font-semibold">
          Going ({attendees.going.length}
          {attendees.capacity !== null ? ` of ${attendees.capacity}` : ""})
        </h3>
        {attendees.going.length === 0 ? (
          <p className="mt-2">Nobody has replied yet.</p>
        ) : (
          <ScrollRegion label="People going" className="mt-3">
            <table className="w-full min-w-[36rem] border-collapse text-left">
              <caption className="sr-only">People going</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-2 pr-3">Name</th>
                  <th scope="col" className="py-2 pr-3">Organisation</th>
                  <th scope="col" className="py-2 pr-3">Sector</th>
                  <th scope="col" className="py-2">Came</th>
                </tr>
              </thead>
              <tbody>
                {attendees.going.map((person) => (
                  <tr key={person.userId} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-3 font-normal">{person.name}</th>
                    <td className="py-2 pr-3">{person.organisationName ?? "None"}</td>
                    <td className="py-2 pr-3">{sectorLabel(person.sector)}</td>
                    <td className="py-2">{person.attended === null ? "Not marked" : person.attended ? "Yes" : "No"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {attendees.cancelledCount > 0 ? <p className="mt-2 text-slate-700">{attendees.cancelledCount} cancelled their reply.</p> : null}
      </section>

      <section aria-labelledby="waiting-heading">
        <h3 id="waiting-heading" className="text-xl font-semibold">
          Waiting list ({attendees.waiting.length})
        </h3>
        {attendees.waiting.length === 0 ? (
          <p className="mt-2">Nobody is waiting.</p>
        ) : (
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {attendees.waiting.map((person) => (
              <li key={person.userId}>{personLine(person)}</li>
            ))}
          </ol>
        )}
      </section>

      {attendees.canMarkAttendance && attendees.going.length + attendees.waiting.length > 0 ? (
        <section aria-labelledby="attendance-heading">
          <h3 id="attendance-heading" className="text-xl font-semibold">
            Mark attendance
          </h3>
          <div className="mt-3">
            <AttendanceForm
              eventId={event.id}
              people={[...attendees.going, ...attendees.waiting].map((person) => ({
                userId: person.userId,
                label: personLine(person),
                attended: person.attended,
              }))}
            />
          </div>
        </section>
      ) : scheduled && !event.started ? (
        <p>You can mark who came once the event has started.</p>
      ) : null}

      {plan ? (
        <section aria-labelledby="networking-heading" className="space-y-4">
          <h3 id="networking-heading" className="text-xl font-semibold">
            Speed networking
          </h3>
          <p className="max-w-prose">
            Rounds of pairs (a trio when numbers are odd) for the {plan.participants}{" "}
            {plan.participants === 1 ? "person" : "people"} going, mixing sectors and keeping apart people who have met at an
            earlier event or logged a connection.
          </p>
          {plan.canGenerate ? <NetworkingForm eventId={event.id} planned={plan.rounds.length > 0} /> : null}
          {plan.rounds.length === 0 ? (
            <p>No rounds have been planned yet.</p>
          ) : (
            <>
              <p>
                <strong>
                  {plan.crossSectorPairs} of {plan.pairs} pairs ({percent(plan.crossSectorShare)})
                </strong>{" "}
                are between people from different sectors, across {plan.rounds.length}{" "}
                {plan.rounds.length === 1 ? "round" : "rounds"} for {plan.people} people.
              </p>
              {plan.rounds.map((round) => (
                <ScrollRegion key={round.number} label={`Round ${round.number}`}>
                  <table className="w-full min-w-[36rem] border-collapse text-left">
                    <caption className="py-2 text-left text-lg font-semibold">Round {round.number}</caption>
                    <thead>
                      <tr className="border-b-2 border-slate-700">
                        <th scope="col" className="py-2 pr-3">Table</th>
                        <th scope="col" className="py-2 pr-3">People</th>
                        <th scope="col" className="py-2">Across sectors</th>
                      </tr>
                    </thead>
                    <tbody>
                      {round.tables.map((table) => (
                        <tr key={table.number} className="border-b border-slate-200 align-top">
                          <th scope="row" className="py-2 pr-3">{table.number}</th>
                          <td className="py-2 pr-3">
                            <ul>
                              {table.people.map((person) => (
                                <li key={person.userId}>{personLine(person)}</li>
                              ))}
                            </ul>
                          </td>
                          <td className="py-2">{table.crossSector ? "Yes" : "No"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              ))}
            </>
          )}
        </section>
      ) : null}
    </section>
  );
}
