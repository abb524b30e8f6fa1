import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { EventDetails } from "@/components/events/event-details";
import { FileAttachments } from "@/components/files/file-attachments";
import { CancelledTag, KindTag, MyStatusTag } from "@/components/events/event-labels";
import { EventConnections, MyNetworkingRounds } from "@/components/events/event-networking-schedule";
import { EventOrganiserArea } from "@/components/events/event-organiser-area";
import { EventSeries } from "@/components/events/event-series";
import { YourPlace } from "@/components/events/rsvp-controls";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { getEnv } from "@/server/env";
import { loadEvent } from "@/server/pages/events";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; eventId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, eventId } = await params;
  const event = await loadEvent(slug, eventId, paths.event(slug, eventId));
  return { title: `${event.title} · Events` };
}

/** One event: what, when and where, replying, the calendar file, speed networking, connections, and the organisers' area. */
export default async function EventPage({ params }: Props) {
  const { slug, eventId } = await params;
  const event = await loadEvent(slug, eventId, paths.event(slug, eventId));
  const api = await getApi();
  const schedule = await api.event.mySchedule({ eventId });
  const cancelled = event.status === "CANCELLED";

  return (
    <>
      <p className="mb-2">
        <Link href={paths.events(slug)}>Back to events</Link>
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
        {/* Your place comes first, so on a phone the reply is not below everything else. */}
        <aside aria-labelledby="your-place-heading" className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1">
          <section className="rounded-md border-2 border-slate-300 p-4">
            <h2 id="your-place-heading" className="text-xl font-semibold">
              Your place
            </h2>
            <YourPlace
              eventId={event.id}
              status={event.my.status}
              position={event.my.position ?? null}
              eventCancelled={cancelled}
              started={event.started}
              canReply={event.my.canReply}
              full={event.placesLeft === 0}
              calendarPath={event.calendarPath}
            />
          </section>
          <EventSeries slug={slug} event={event} />
        </aside>
        <div className="min-w-0 space-y-10 lg:col-start-1 lg:row-start-1">
          <EventDetails slug={slug} event={event} />
          <FileAttachments
            owner={{ ownerKind: "EVENT", ownerId: event.id }}
            maxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
            title="Flyer and slides"
            uploadLabel="Add a flyer or slides"
            headingId="event-files-heading"
          />
          <MyNetworkingRounds schedule={schedule} />
          {event.my.canLogConnections ? <EventConnections slug={slug} eventId={event.id} schedule={schedule} /> : null}
          {event.canOrganise ? <EventOrganiserArea slug={slug} event={event} /> : null}
        </div>
      </div>
    </>
  );
}
