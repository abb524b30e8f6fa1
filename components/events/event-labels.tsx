import { EVENT_KIND_LABELS, RSVP_STATUS_LABELS, type EventKindCode } from "@/lib/event-kinds";
import { SECTOR_SHORT_LABELS, type SectorCode } from "@/lib/sectors";
import { formatInstantDay, formatTime, ukDay } from "@/lib/uk-time";
import { StatusTag } from "@/components/ui/status-tag";

/** "12 Mar 2026": an event's day in a list of dates (UK time, whatever the device is set to). */
export const formatShortDay = (date: Date) => formatInstantDay(date, "short");

/** "Thursday 12 March 2026, 8:30am to 10:30am", or across days when it runs overnight (UK time). */
export function EventWhen({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }) {
  const sameDay = ukDay(startsAt) === ukDay(endsAt);
  return (
    <>
      <time dateTime={startsAt.toISOString()}>{formatInstantDay(startsAt, "weekday")}</time>,{" "}
      <time dateTime={startsAt.toISOString()}>{formatTime(startsAt)}</time> to{" "}
      <time dateTime={endsAt.toISOString()}>
        {sameDay ? "" : `${formatInstantDay(endsAt, "weekday")}, `}
        {formatTime(endsAt)}
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
