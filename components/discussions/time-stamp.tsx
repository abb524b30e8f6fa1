import { formatDateTime } from "@/lib/uk-time";

/** A moment shown in UK time ("2 Dec 2026 at 4:14pm"), with the exact instant for assistive technology and scripts. */
export function TimeStamp({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, "short")}</time>;
}
