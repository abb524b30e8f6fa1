import { AttendanceForm } from "@/components/events/attendance-form";
import { CancelEventForm } from "@/components/events/cancel-event-form";
import { percent, personLine, sectorLabel } from "@/components/events/event-labels";
import { NetworkingForm } from "@/components/events/networking-form";
import { ButtonLink } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { Table, type Column } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import type { LoadedEvent } from "@/server/pages/events";

type Api = Awaited<ReturnType<typeof getApi>>;
type Attendee = Awaited<ReturnType<Api["event"]["attendees"]>>["going"][number];
type Plan = Awaited<ReturnType<Api["event"]["networking"]>>;
type PlanTable = Plan["rounds"][number]["tables"][number];

const goingColumns: readonly Column<Attendee>[] = [
  { key: "name", header: "Name", cell: (person) => person.name, rowHeader: true },
  // The sector sits under the organisation, so the table fits a phone without scrolling.
  {
    key: "organisation",
    header: "Organisation and sector",
    cell: (person) => (
      <>
        {person.organisationName ?? "No organisation"}
        <span className="block text-sm text-slate-700">{sectorLabel(person.sector)}</span>
      </>
    ),
  },
  { key: "came", header: "Came", nowrap: true, cell: (person) => (person.attended === null ? "Not marked" : person.attended ? "Yes" : "No") },
];

const tableColumns: readonly Column<PlanTable>[] = [
  { key: "table", header: "Table", cell: (table) => table.number, rowHeader: true, nowrap: true },
  {
    key: "people",
    header: "People",
    cell: (table) => (
      <ul>
        {table.people.map((person) => (
          <li key={person.userId}>{personLine(person)}</li>
        ))}
      </ul>
    ),
  },
  { key: "across", header: "Across sectors", cell: (table) => (table.crossSector ? "Yes" : "No") },
];

/** For organisers: change or cancel, who is coming and who came, and the speed-networking plan. */
export async function EventOrganiserArea({ slug, event }: { slug: string; event: LoadedEvent }) {
  const api = await getApi();
  const attendees = await api.event.attendees({ eventId: event.id });
  const plan = event.kind === "NETWORKING_BREAKFAST" ? await api.event.networking({ eventId: event.id }) : null;
  const planning = plan?.canGenerate ? await api.event.networkingPlanning({ eventId: event.id }) : null;
  const scheduled = event.status === "SCHEDULED";

  return (
    <section aria-labelledby="organiser-heading" className="space-y-8 border-t-4 border-brand-800 pt-6">
      <h2 id="organiser-heading" className="text-2xl font-semibold">
        Organiser area
      </h2>
      {!event.finished ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
          {scheduled ? (
            <ButtonLink href={paths.editEvent(slug, event.id)} variant="secondary">
              Change the details
            </ButtonLink>
          ) : null}
          {/* Kept once cancelled, so the result of cancelling stays where focus went. */}
          {!event.started ? <CancelEventForm eventId={event.id} cancelled={!scheduled} /> : null}
        </div>
      ) : null}

      <Section
        level={3}
        id="going-heading"
        title={`Going (${attendees.going.length}${attendees.capacity !== null ? ` of ${attendees.capacity}` : ""})`}
      >
        <Table
          caption="People going"
          captionHidden
          columns={goingColumns}
          rows={attendees.going}
          rowKey={(person) => person.userId}
          empty={<p>Nobody has replied yet.</p>}
        />
        {attendees.cancelledCount > 0 ? <p className="mt-2 text-slate-700">{attendees.cancelledCount} cancelled their reply.</p> : null}
      </Section>

      <Section level={3} id="waiting-heading" title={`Waiting list (${attendees.waiting.length})`}>
        {attendees.waiting.length === 0 ? (
          <p>Nobody is waiting.</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-6">
            {attendees.waiting.map((person) => (
              <li key={person.userId}>{personLine(person)}</li>
            ))}
          </ol>
        )}
      </Section>

      {attendees.canMarkAttendance && attendees.going.length + attendees.waiting.length > 0 ? (
        <Section level={3} id="attendance-heading" title="Mark attendance">
          <AttendanceForm
            eventId={event.id}
            people={[...attendees.going, ...attendees.waiting].map((person) => ({
              userId: person.userId,
              label: personLine(person),
              attended: person.attended,
            }))}
          />
        </Section>
      ) : scheduled && !event.started ? (
        <p>You can mark who came once the event has started.</p>
      ) : null}

      {plan ? (
        <Section level={3} id="networking-heading" title="Speed networking">
          <div className="space-y-4">
            <p className="max-w-prose">
              Rounds of pairs (a trio when numbers are odd) for the {plan.participants} {plan.participants === 1 ? "person" : "people"}{" "}
              going, mixing sectors and keeping apart people who have met at an earlier event or logged a connection.
            </p>
            {plan.canGenerate ? <NetworkingForm eventId={event.id} planned={plan.rounds.length > 0} latest={planning} /> : null}
            {plan.rounds.length === 0 ? (
              <p>No rounds have been planned yet.</p>
            ) : (
              <>
                <p>
                  <strong>
                    {plan.crossSectorPairs} of {plan.pairs} pairs ({percent(plan.crossSectorShare)})
                  </strong>{" "}
                  are between people from different sectors, across {plan.rounds.length} {plan.rounds.length === 1 ? "round" : "rounds"} for{" "}
                  {plan.people} people.
                </p>
                {plan.rounds.map((round) => (
                  <Table
                    key={round.number}
                    caption={`Round ${round.number}`}
                    columns={tableColumns}
                    rows={round.tables}
                    rowKey={(table) => String(table.number)}
                  />
                ))}
              </>
            )}
          </div>
        </Section>
      ) : null}
    </section>
  );
}
