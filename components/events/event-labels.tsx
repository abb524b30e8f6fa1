import { EVENT_KIND_LABELS, RSVP_STATUS_LABELS, type EventKindCode } from "@/lib/event-kinds";
import { SECTOR_SHORT_LABELS, type SectorCode } from "@/lib/sectors";
import { formatInstantDay, formatTime } from "@/lib/uk-time";
import { StatusTag } from "@/components/ui/status-tag";

/** Events are shown in UK time, whatever the viewer's device is set to (lib/uk-time). */
export const formatEventDay = (date: Date) => formatInstantDay(date, "weekday");
export const formatShortDay = (date: Date) => formatInstantDay(date, "short");
/** "9am", "4:14pm", "midday". */
export const formatEventTime = (date: Date) => formatTime(date);

/** "Thursday 12 March 2026, 8:30am to 10:30am" (or across days when it runs overnight). */
export function formatEventWhen(startsAt: Date, endsAt: Date): string {
  const startDay = formatEventDay(startsAt);
  const endDay = formatEventDay(endsAt);
  if (startDay === endDay) return `${startDay}, ${formatEventTime(startsAt)} to ${formatEventTime(endsAt)}`;
  return `${startDay}, ${formatEventTime(startsAt)} to ${endDay}, ${formatEventTime(endsAt)}`;
}

export function EventWhen({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }) {
  return (
    <>
      <time dateTime={startsAt.toISOString()}>{formatEventDay(startsAt)}</time>,{" "}
      <time dateTime={startsAt.toISOString()}>{formatEventTime(startsAt)}</time> to{" "}
      <time dateTime={endsAt.toISOString()}>
        {formatEventDay(endsAt) === formatEventDay(startsAt) ? "" : `${formatEventDay(endsAt)}, `}
        {formatEventTime(endsAt)}
      </time>
    </>
  );
}

export function KindTag({ kind }: { kind: EventKindCode }) {
  return <StatusTag tone="info">{EVENT_KIND_LABELS[kind]}</StatusTag>;
}

export function CancelledTag() {
  return <StatusTag tone="danger">Cancelled</StatusTag>;
}

export function MyStatusTag({ status }: { status: keyof typeof RSVP_STATUS_LABELS | null }) {
  if (!status || status === "CANCELLED") return null;
  return (
    <StatusTag tone={status === "GOING" ? "success" : "warning"}>{status === "GOING" ? "You are going" : "You are on the waiting list"}</StatusTag>
  );
}

export function sectorLabel(sector: SectorCode | null): string {
  return sector ? SECTOR_SHORT_LABELS[sector] : "Individual";
}

/** "Ann Smith, Carers Centre (Voluntary)" or "Ann Smith (Individual)". */
export function personLine(person: { name: string; organisationName: string | null; sector: SectorCode | null }): string {
  return person.organisationName
    ? `${person.name}, ${person.organisationName} (${sectorLabel(person.sector)})`
    : `${person.name} (${sectorLabel(person.sector)})`;
}

export function placesText(capacity: number | null, placesLeft: number | null, waiting: number): string {
  if (capacity === null) return "No limit on places";
  if (placesLeft && placesLeft > 0) return `${placesLeft} of ${capacity} ${capacity === 1 ? "place" : "places"} left`;
  return waiting > 0 ? `Full: ${waiting} on the waiting list` : "Full: join the waiting list";
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;
