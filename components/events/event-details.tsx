import { Link } from "@/components/ui/link";
import { EventWhen, placesText } from "@/components/events/event-labels";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { paths } from "@/lib/paths";
import type { LoadedEvent } from "@/server/pages/events";

/** What, when and where, who organises it, the places left, and the speakers. */
export function EventDetails({ slug, event }: { slug: string; event: LoadedEvent }) {
  const cancelled = event.status === "CANCELLED";
  return (
    <>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="sr-only">
          Details
        </h2>
        <SummaryList
          rows={[
            {
              key: "When",
              value: (
                <>
                  <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} /> (UK time)
                </>
              ),
            },
            {
              key: "Where",
              value: (
                <div className="space-y-1">
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
                </div>
              ),
            },
            {
              key: "Accessibility",
              value: <span className="whitespace-pre-line">{event.accessibilityNotes ?? "Ask the organisers about any adjustments you need."}</span>,
            },
            event.subGroup
              ? { key: "Sub-group", value: <Link href={paths.subGroup(slug, event.subGroup.id)}>{event.subGroup.name}</Link> }
              : null,
            { key: "Organised by", value: event.createdBy.name },
            !cancelled
              ? {
                  key: "Places",
                  value: `${placesText(event.capacity, event.placesLeft, event.waiting)}${event.going > 0 ? ` (${event.going} going)` : ""}`,
                }
              : null,
          ]}
        />
        {event.description ? <p className="mt-6 max-w-prose whitespace-pre-line">{event.description}</p> : null}
      </section>

      {event.speakers.length > 0 ? (
        <Section title="Speakers" id="speakers-heading">
          <ul className="space-y-3">
            {event.speakers.map((speaker, index) => (
              <li key={index}>
                <p className="font-semibold">{speaker.name}</p>
                {speaker.role ? <p className="text-slate-700">{speaker.role}</p> : null}
                {speaker.topic ? <p>On: {speaker.topic}</p> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
