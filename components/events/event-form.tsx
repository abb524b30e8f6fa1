"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CheckboxChoice } from "@/components/people/checkbox-choice";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { paths } from "@/lib/paths";
import { ErrorSummary, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import {
  EVENT_KIND_HINTS,
  EVENT_KIND_LABELS,
  EVENT_RECURRENCE_LABELS,
  EVENT_RECURRENCES,
  type EventKindCode,
  type EventRecurrenceCode,
} from "@/lib/event-kinds";
import { MAX_OCCURRENCES, MAX_SPEAKERS, MIN_OCCURRENCES } from "@/lib/schemas/events";
import { ukDateTime } from "@/lib/uk-time";

type Speaker = { key: number; name: string; role: string; topic: string };

export type EventFormValues = {
  kind: EventKindCode;
  subGroupId: string;
  title: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  onlineUrl: string;
  venueName: string;
  venueAddress: string;
  accessibilityNotes: string;
  capacity: string;
  speakers: { name: string; role: string; topic: string }[];
};

type Props =
  | {
      mode: "create";
      slug: string;
      kinds: EventKindCode[];
      subGroups: { id: string; name: string }[];
      /** Leads may only arrange meetings of their sub-groups; officers may link any event to one. */
      initial: EventFormValues;
    }
  | { mode: "edit"; slug: string; eventId: string; initial: EventFormValues };

/** Field keys as the API names them, and the id of the control each one belongs to. */
const FIELD_IDS: Record<string, string> = {
  kind: "event-kind-0",
  subGroupId: "event-sub-group",
  title: "event-title",
  description: "event-description",
  startsAt: "event-date",
  endsAt: "event-end-time",
  onlineUrl: "event-online-url",
  venueName: "event-venue-name",
  venueAddress: "event-venue-address",
  accessibilityNotes: "event-accessibility",
  capacity: "event-capacity",
  "recurrence.occurrences": "event-occurrences",
  "recurrence.frequency": "event-frequency-0",
};
const fieldId = (key: string) => FIELD_IDS[key] ?? (key.startsWith("speakers.") ? `event-speaker-${key.split(".")[1]}-name` : "event-title");

/**
 * Creating or changing an event: what it is, when (in UK time) and where, the places,
 * speakers and, when creating, whether it repeats every month or three months.
 */
function EventForm(props: Props) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [values, setValues] = useState(props.initial);
  const [speakers, setSpeakers] = useState<Speaker[]>(props.initial.speakers.map((speaker, key) => ({ key, ...speaker })));
  const [nextKey, setNextKey] = useState(props.initial.speakers.length);
  const [repeats, setRepeats] = useState(false);
  const [frequency, setFrequency] = useState<EventRecurrenceCode>("MONTHLY");
  const [occurrences, setOccurrences] = useState("6");
  const errors = action.fieldErrors;
  const set = (key: keyof EventFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function localErrors(): Record<string, string[]> {
    const found: Record<string, string[]> = {};
    if (!ukDateTime(values.date, values.startTime)) found.startsAt = ["Enter the date and start time"];
    if (!ukDateTime(values.date, values.endTime)) found.endsAt = ["Enter the end time"];
    if (values.capacity.trim() && !/^\d+$/.test(values.capacity.trim())) found.capacity = ["Enter a whole number of places, or leave it empty"];
    if (repeats && !/^\d+$/.test(occurrences.trim())) found["recurrence.occurrences"] = ["Enter how many times it happens"];
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = localErrors();
    if (Object.keys(found).length > 0) {
      action.setError("Please check the highlighted fields.");
      action.setFieldErrors(found);
      return;
    }
    const details = {
      title: values.title,
      description: values.description,
      startsAt: ukDateTime(values.date, values.startTime)!,
      endsAt: ukDateTime(values.date, values.endTime)!,
      onlineUrl: values.onlineUrl,
      venueName: values.venueName,
      venueAddress: values.venueAddress,
      accessibilityNotes: values.accessibilityNotes,
      capacity: values.capacity.trim() ? Number(values.capacity.trim()) : null,
      speakers: speakers.map(({ name, role, topic }) => ({ name, role, topic })),
    };
    if (props.mode === "create") {
      const result = await action.run(
        () =>
          client.event.create.mutate({
            partnershipSlug: props.slug,
            kind: values.kind,
            subGroupId: values.subGroupId || null,
            ...details,
            recurrence: repeats ? { frequency, occurrences: Number(occurrences.trim()) } : null,
          }),
        { refresh: false },
      );
      if (result.ok) router.push(paths.event(props.slug, result.value.id));
    } else {
      const result = await action.run(() => client.event.update.mutate({ eventId: props.eventId, ...details }), { refresh: false });
      if (result.ok) {
        router.push(paths.event(props.slug, props.eventId));
        router.refresh();
      }
    }
  }

  const summary = Object.entries(errors).map(([key, messages]) => [key, messages[0] ?? ""] as const);
  const timeError = errors.startsAt ?? null;
  const kinds = props.mode === "create" ? props.kinds : [];
  const subGroups = props.mode === "create" ? props.subGroups : [];
  const needsSubGroup = values.kind === "SUB_GROUP_MEETING";

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      {action.error ? (
        <ErrorSummary message={action.error} problems={summary} hrefFor={fieldId} />
      ) : null}

      {props.mode === "create" ? (
        <fieldset className={errors.kind ? "border-l-4 border-red-800 pl-3" : undefined}>
          <legend className="font-semibold">What kind of event is it?</legend>
          {errors.kind ? (
            <p className="font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {errors.kind[0]}
            </p>
          ) : null}
          <div className="mt-2 space-y-2">
            {kinds.map((kind, index) => (
              <div key={kind} className="flex items-start gap-3">
                <input
                  id={`event-kind-${index}`}
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={values.kind === kind}
                  onChange={() => setValues((current) => ({ ...current, kind }))}
                  aria-describedby={`event-kind-${index}-hint`}
                  className="mt-0.5 h-6 w-6 shrink-0 accent-brand-800"
                />
                <div>
                  <label htmlFor={`event-kind-${index}`} className="font-semibold">
                    {EVENT_KIND_LABELS[kind]}
                  </label>
                  <p id={`event-kind-${index}-hint`} className="text-sm text-slate-700">
                    {EVENT_KIND_HINTS[kind]}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}

      {props.mode === "create" && subGroups.length > 0 ? (
        <SelectField
          id="event-sub-group"
          label={needsSubGroup ? "Which sub-group is meeting?" : "Hosted by a sub-group (optional)"}
          value={values.subGroupId}
          onChange={set("subGroupId")}
          error={errors.subGroupId}
        >
          <option value="">{needsSubGroup ? "Choose a sub-group" : "The whole partnership"}</option>
          {subGroups.map((subGroup) => (
            <option key={subGroup.id} value={subGroup.id}>
              {subGroup.name}
            </option>
          ))}
        </SelectField>
      ) : null}

      <TextField id="event-title" label="Title" value={values.title} onChange={set("title")} error={errors.title} autoComplete="off" />
      <TextArea
        id="event-description"
        label="What happens (optional)"
        hint="The programme, who it is for and what to bring."
        rows={5}
        value={values.description}
        onChange={set("description")}
        error={errors.description}
      />

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">When</legend>
        <p className="text-sm text-slate-700">Times are UK time.</p>
        <TextField id="event-date" label="Date" type="date" value={values.date} onChange={set("date")} error={timeError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="event-start-time" label="Start time" type="time" value={values.startTime} onChange={set("startTime")} />
          <TextField id="event-end-time" label="End time" type="time" value={values.endTime} onChange={set("endTime")} error={errors.endsAt} />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">Where</legend>
        <p className="text-sm text-slate-700">Give a venue, an online link, or both for a hybrid event.</p>
        <TextField id="event-venue-name" label="Venue (optional)" value={values.venueName} onChange={set("venueName")} error={errors.venueName} />
        <TextArea
          id="event-venue-address"
          label="Venue address (optional)"
          rows={2}
          value={values.venueAddress}
          onChange={set("venueAddress")}
          error={errors.venueAddress}
        />
        <TextField
          id="event-online-url"
          label="Online link (optional)"
          hint="The full meeting link, starting https://"
          type="url"
          inputMode="url"
          value={values.onlineUrl}
          onChange={set("onlineUrl")}
          error={errors.onlineUrl}
        />
        <TextArea
          id="event-accessibility"
          label="Accessibility (optional)"
          hint="Step-free access, hearing loop, captions, quiet room, parking, how to ask for adjustments."
          rows={3}
          value={values.accessibilityNotes}
          onChange={set("accessibilityNotes")}
          error={errors.accessibilityNotes}
        />
      </fieldset>

      <TextField
        id="event-capacity"
        label="Number of places (optional)"
        hint="Leave empty for no limit. When it is full, people join a waiting list and get a place, in order, when someone cancels."
        inputMode="numeric"
        value={values.capacity}
        onChange={set("capacity")}
        error={errors.capacity}
        className="max-w-xs"
      />

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">Speakers</legend>
        {speakers.length === 0 ? <p className="text-slate-700">No speakers listed.</p> : null}
        {speakers.map((speaker, index) => (
          <fieldset key={speaker.key} className="space-y-3 rounded-md border border-slate-300 p-4">
            <legend className="px-1 font-semibold">Speaker {index + 1}</legend>
            <TextField
              id={`event-speaker-${index}-name`}
              label="Name"
              value={speaker.name}
              onChange={(event) =>
                setSpeakers((current) => current.map((row) => (row.key === speaker.key ? { ...row, name: event.target.value } : row)))
              }
              error={errors[`speakers.${index}.name`]}
            />
            <TextField
              label="Role and organisation (optional)"
              value={speaker.role}
              onChange={(event) =>
                setSpeakers((current) => current.map((row) => (row.key === speaker.key ? { ...row, role: event.target.value } : row)))
              }
              error={errors[`speakers.${index}.role`]}
            />
            <TextField
              label="Topic (optional)"
              value={speaker.topic}
              onChange={(event) =>
                setSpeakers((current) => current.map((row) => (row.key === speaker.key ? { ...row, topic: event.target.value } : row)))
              }
              error={errors[`speakers.${index}.topic`]}
            />
            <Button
              type="button"
              variant="quiet"
              onClick={() => setSpeakers((current) => current.filter((row) => row.key !== speaker.key))}
            >
              Remove speaker {index + 1}
            </Button>
          </fieldset>
        ))}
        {speakers.length < MAX_SPEAKERS ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setSpeakers((current) => [...current, { key: nextKey, name: "", role: "", topic: "" }]);
              setNextKey((key) => key + 1);
            }}
          >
            Add a speaker
          </Button>
        ) : null}
      </fieldset>

      {props.mode === "create" ? (
        <fieldset className="space-y-4">
          <legend className="text-xl font-semibold">Repeat</legend>
          <CheckboxChoice
            name="repeats"
            label="This event repeats"
            hint="Creates one event for each date, on the same day of the month (the last day when a month is shorter)."
            checked={repeats}
            onChange={setRepeats}
          />
          {repeats ? (
            <div className="space-y-4 border-l-4 border-slate-300 pl-4">
              <fieldset>
                <legend className="font-semibold">How often</legend>
                <div className="mt-2 flex flex-wrap gap-3">
                  {EVENT_RECURRENCES.map((value, index) => (
                    <label
                      key={value}
                      className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 border-slate-700 px-3 has-checked:bg-brand-50"
                    >
                      <input
                        id={`event-frequency-${index}`}
                        type="radio"
                        name="frequency"
                        value={value}
                        checked={frequency === value}
                        onChange={() => setFrequency(value)}
                        className="h-5 w-5"
                      />
                      {EVENT_RECURRENCE_LABELS[value]}
                    </label>
                  ))}
                </div>
              </fieldset>
              <TextField
                id="event-occurrences"
                label="How many dates"
                hint={`From ${MIN_OCCURRENCES} to ${MAX_OCCURRENCES}, counting the first.`}
                inputMode="numeric"
                value={occurrences}
                onChange={(event) => setOccurrences(event.target.value)}
                error={errors["recurrence.occurrences"]}
                className="max-w-xs"
              />
            </div>
          ) : null}
        </fieldset>
      ) : null}

      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" pending={action.pending}>
          {props.mode === "create" ? "Create the event" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const EventFormWithApi = withApi(EventForm);
export { EventFormWithApi as EventForm };
