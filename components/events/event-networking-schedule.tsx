import { Link } from "@/components/ui/link";
import { personLine } from "@/components/events/event-labels";
import { LogConnectionForm } from "@/components/events/log-connection-form";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import type { getApi } from "@/server/api/server-caller";

type Schedule = Awaited<ReturnType<Awaited<ReturnType<typeof getApi>>["event"]["mySchedule"]>>;

/** Who the person meets in each speed-networking round. */
export function MyNetworkingRounds({ schedule }: { schedule: Schedule }) {
  if (schedule.rounds.length === 0) return null;
  return (
    <Section title="Your speed networking" id="schedule-heading" lead="Who you meet in each round. Go to your table when the round is called.">
      <ol className="space-y-4">
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
    </Section>
  );
}

/** "We should talk again": log a connection with someone met at the event. */
export function EventConnections({ slug, eventId, schedule }: { slug: string; eventId: string; schedule: Schedule }) {
  return (
    <Section title="We should talk again" id="connections-heading">
      <p className="max-w-prose">
        Met someone you would like to work with? Log a connection: they are told, and either of you can start a draft proposal
        together from <Link href={paths.connections(slug)}>your connections</Link>.
      </p>
      <div className="mt-4">
        <LogConnectionForm
          slug={slug}
          eventId={eventId}
          people={schedule.peopleMet.map((person) => ({
            userId: person.userId,
            label: `${personLine(person)}${person.sharedTable ? ", at your table" : ""}`,
            logged: person.logged,
          }))}
        />
      </div>
    </Section>
  );
}
