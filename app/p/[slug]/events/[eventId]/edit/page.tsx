import { paths } from "@/lib/paths";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/event-form";
import { loadEvent } from "@/server/pages/events";
import { PageHeader } from "@/components/ui/page-header";
import { ukDay as ukDateInput, ukTimeInput } from "@/lib/uk-time";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; eventId: string }> };

export const metadata: Metadata = { title: "Change an event" };

/** An organiser changes an event's details; people going are told, and the calendar file updates. */
export default async function EditEventPage({ params }: Props) {
  const { slug, eventId } = await params;
  const eventPath = paths.event(slug, eventId);
  const event = await loadEvent(slug, eventId, `${eventPath}/edit`);
  if (!event.canOrganise) notFound();

  return (
    <>
      <p className="mb-2">
        <Link href={eventPath}>Back to the event</Link>
      </p>
      <PageHeader title={`Change “${event.title}”`} lead="Everyone going is told about the change." />
      {event.status === "CANCELLED" || event.finished ? (
        <p>{event.status === "CANCELLED" ? "This event has been cancelled, so it cannot be changed." : "This event has finished, so it cannot be changed."}</p>
      ) : (
        <EventForm
          mode="edit"
          slug={slug}
          eventId={event.id}
          initial={{
            kind: event.kind,
            subGroupId: event.subGroup?.id ?? "",
            title: event.title,
            description: event.description,
            date: ukDateInput(event.startsAt),
            startTime: ukTimeInput(event.startsAt),
            endTime: ukTimeInput(event.endsAt),
            onlineUrl: event.onlineUrl ?? "",
            venueName: event.venueName ?? "",
            venueAddress: event.venueAddress ?? "",
            accessibilityNotes: event.accessibilityNotes ?? "",
            capacity: event.capacity === null ? "" : String(event.capacity),
            speakers: event.speakers,
          }}
        />
      )}
    </>
  );
}
