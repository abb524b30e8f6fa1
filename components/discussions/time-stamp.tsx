const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/London",
});

/** A moment shown in UK time, with the exact instant for assistive technology and scripts. */
export function TimeStamp({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{dateTimeFormat.format(date)}</time>;
}
