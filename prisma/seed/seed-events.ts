import { fromUkWallClock, ukWallClock } from "../../lib/uk-time";
import type { Prisma } from "../../server/db/generated/client";
import type { EventKind } from "../../server/db/generated/enums";
import { seriesStarts } from "../../server/domain/events/recurrence";
import { planSpeedNetworking } from "../../server/domain/events/speed-networking";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 3600 * 1000;
const PARTNERSHIP = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";

/** Renfrewshire members by e-mail (see demo-data.ts). */
const P = {
  fiona: OFFICER,
  margaret: "margaret.lennox@renfrewshire-council.example",
  sandra: "sandra.kerr@engage-renfrewshire.example",
  kenny: "kenny.doyle@ramh.example",
  lorna: "lorna.shaw@renfrewshire-carers.example",
  priya: "priya.nair@nhs-ggc.example",
  gordon: "gordon.fraser@clyde-pharmacy.example",
  aisha: "aisha.rahman@ferguslie-larder.example",
  euan: "euan.stewart@renfrewshire-council.example",
  heather: "heather.boyle@linstone-housing.example",
  jim: "jim.mcallister@johnstone-walks.example",
  claire: "claire.devlin@nhs-ggc.example",
  mhairi: "mhairi.gillespie@active-communities.example",
  alex: "alex.morgan@carers-network.example",
  morag: "morag.campbell@resident.example",
} as const;

/** The breakfast the browser test replies to: it is seeded with nobody going. */
export const DEMO_OPEN_BREAKFAST_TITLE = "Quarterly networking breakfast";

const PAISLEY_TOWN_HALL = {
  venueName: "Paisley Town Hall",
  venueAddress: "Abbey Close, Paisley PA1 1JS",
  accessibilityNotes:
    "Step-free entrance from Abbey Close and a lift to every floor. Hearing loop in the main hall. Accessible toilets on the ground floor. " +
    "Tell us about any other adjustments when you reply.",
};

/**
 * Demo events for the Renfrewshire SPG: two upcoming quarterly breakfasts (the first with
 * nobody going yet, the second with a few replies), a past breakfast with its networking
 * rounds, attendance and connections (so "already met" has history), the monthly
 * introduction session online, a Carers sub-group meeting, and a workshop with a waiting list.
 */
export async function seedDemoEvents(
  tx: Tx,
  lookups: { partnershipIds: Map<string, string>; userId: (email: string) => string; now: Date },
) {
  const partnershipId = lookups.partnershipIds.get(PARTNERSHIP);
  if (!partnershipId) throw new Error(`Demo events need the ${PARTNERSHIP} partnership`);
  const { now, userId } = lookups;
  const officerId = userId(OFFICER);
  /** A UK time of day, some days from now. */
  const at = (days: number, hour: number, minute = 0) => {
    const day = ukWallClock(new Date(now.getTime() + days * DAY));
    return fromUkWallClock({ year: day.year, month: day.month, day: day.day, hour, minute });
  };
  const subGroupId = async (name: string) =>
    (await tx.subGroup.findFirstOrThrow({ where: { partnershipId, name }, select: { id: true } })).id;

  type Rsvp = { email: string; status: "GOING" | "WAITING"; attended?: boolean };
  const createEvent = async (event: {
    kind: EventKind;
    title: string;
    description: string;
    startsAt: Date;
    hours: number;
    createdBy?: string;
    subGroupId?: string | null;
    seriesId?: string | null;
    onlineUrl?: string | null;
    venue?: { venueName: string; venueAddress: string; accessibilityNotes: string } | null;
    accessibilityNotes?: string;
    capacity?: number | null;
    speakers?: { name: string; role: string; topic: string }[];
    rsvps?: Rsvp[];
  }) => {
    // Replies queue in the order listed, a few minutes apart, a week or so before.
    const repliedFrom = new Date(Math.min(now.getTime(), event.startsAt.getTime()) - 10 * DAY);
    return tx.event.create({
      data: {
        partnershipId,
        kind: event.kind,
        title: event.title,
        description: event.description,
        startsAt: event.startsAt,
        endsAt: new Date(event.startsAt.getTime() + event.hours * 3600 * 1000),
        subGroupId: event.subGroupId ?? null,
        seriesId: event.seriesId ?? null,
        onlineUrl: event.onlineUrl ?? null,
        venueName: event.venue?.venueName ?? null,
        venueAddress: event.venue?.venueAddress ?? null,
        accessibilityNotes: event.accessibilityNotes ?? event.venue?.accessibilityNotes ?? null,
        capacity: event.capacity ?? null,
        createdById: event.createdBy ? userId(event.createdBy) : officerId,
        createdAt: new Date(repliedFrom.getTime() - 7 * DAY),
        speakers: { create: (event.speakers ?? []).map((speaker, index) => ({ position: index + 1, ...speaker })) },
        rsvps: {
          create: (event.rsvps ?? []).map((rsvp, index) => {
            const when = new Date(repliedFrom.getTime() + index * 7 * 60 * 1000);
            return { userId: userId(rsvp.email), status: rsvp.status, queuedAt: when, respondedAt: when, attended: rsvp.attended ?? null };
          }),
        },
      },
      select: { id: true, startsAt: true },
    });
  };

  const breakfastSpeakers = [
    { name: "Fiona MacLeod", role: "Head of Strategic Planning, Renfrewshire HSCP", topic: "What the first eleven test projects are teaching us" },
    { name: "Sandra Kerr", role: "Engage Renfrewshire", topic: "Cross-sector partnership: what makes it honest" },
  ];

  // 1. The next quarterly breakfast: speakers and places, nobody going yet.
  await createEvent({
    kind: "NETWORKING_BREAKFAST",
    title: DEMO_OPEN_BREAKFAST_TITLE,
    description:
      "Our quarterly networking breakfast for voluntary, public and private sector members. Two short talks, then speed networking: " +
      "three rounds of ten minutes, each time with someone from another sector you have not met before. Breakfast rolls, tea and coffee from 8:15.",
    startsAt: at(21, 8, 30),
    hours: 2,
    venue: PAISLEY_TOWN_HALL,
    capacity: 40,
    speakers: breakfastSpeakers,
  });

  // 2. The one after: a few replies already.
  await createEvent({
    kind: "NETWORKING_BREAKFAST",
    title: "Networking breakfast: recovery and wellbeing",
    description: "Quarterly breakfast with a talk from the Recovery sub-group, then speed networking across sectors.",
    startsAt: at(112, 8, 30),
    hours: 2,
    venue: PAISLEY_TOWN_HALL,
    capacity: 40,
    speakers: [{ name: "Claire Devlin", role: "NHS Greater Glasgow and Clyde", topic: "Recovery cafés: six months in" }],
    rsvps: [P.claire, P.mhairi, P.margaret, P.alex, P.heather].map((email) => ({ email, status: "GOING" as const })),
  });

  // 3. Last quarter's breakfast: who came, its rounds, and the connections people logged.
  const pastPeople = [P.sandra, P.kenny, P.lorna, P.priya, P.gordon, P.aisha, P.euan, P.heather, P.jim, P.claire];
  const past = await createEvent({
    kind: "NETWORKING_BREAKFAST",
    title: "Networking breakfast: the first funded tests",
    description: "Talks on the fund's first round, then three rounds of speed networking.",
    startsAt: at(-70, 8, 30),
    hours: 2,
    venue: PAISLEY_TOWN_HALL,
    capacity: 40,
    speakers: breakfastSpeakers,
    rsvps: pastPeople.map((email) => ({ email, status: "GOING" as const, attended: email !== P.claire })),
  });
  const came = pastPeople.filter((email) => email !== P.claire);
  const sectors = await tx.user.findMany({
    where: { id: { in: came.map(userId) } },
    select: { id: true, organisation: { select: { sector: true } } },
  });
  const plan = planSpeedNetworking({
    attendees: sectors.map((user) => ({ id: user.id, sector: user.organisation?.sector ?? null })),
    rounds: 3,
    alreadyMet: [],
    seed: 2026,
  });
  for (const round of plan.rounds) {
    await tx.networkingRound.create({
      data: {
        eventId: past.id,
        number: round.number,
        createdAt: new Date(past.startsAt.getTime() - DAY),
        tables: {
          create: round.groups.map((group, index) => ({
            number: index + 1,
            seats: { create: group.attendeeIds.map((id) => ({ userId: id })) },
          })),
        },
      },
    });
  }
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true } });
  const connections = [
    { from: P.lorna, to: P.gordon, note: "Carers collecting prescriptions: could pharmacies spot them?" },
    { from: P.aisha, to: P.priya, note: "Healthy eating sessions at the larder with a dietitian." },
    { from: P.jim, to: P.heather, note: "Walking group starting from the sheltered housing." },
  ];
  for (const connection of connections) {
    await tx.connection.create({
      data: {
        partnershipId,
        eventId: past.id,
        fromUserId: userId(connection.from),
        toUserId: userId(connection.to),
        note: connection.note,
        createdAt: new Date(past.startsAt.getTime() + 3 * 3600 * 1000),
      },
    });
    await tx.notification.create({
      data: {
        userId: userId(connection.to),
        partnershipId,
        kind: "CONNECTION_LOGGED",
        title: "Someone you met would like to talk again after “Networking breakfast: the first funded tests”",
        body: "You can start a draft proposal together from your connections.",
        linkPath: `/p/${partnership.slug}/connections`,
        createdAt: new Date(past.startsAt.getTime() + 3 * 3600 * 1000),
      },
    });
  }

  // 4. The monthly introduction session, online: six dates in one series.
  const firstIntro = at(9, 18, 0);
  const series = await tx.eventSeries.create({
    data: { partnershipId, title: "Introduction to the Strategic Planning Group", recurrence: "MONTHLY", createdById: officerId },
  });
  for (const [index, startsAt] of seriesStarts(firstIntro, "MONTHLY", 6).entries()) {
    await createEvent({
      kind: "INTRODUCTION_SESSION",
      title: "Introduction to the Strategic Planning Group",
      description:
        "New to the SPG? An hour online: what the partnership does, the six priority areas and their sub-groups, the fund, and how to join in. Bring questions.",
      startsAt,
      hours: 1,
      seriesId: series.id,
      onlineUrl: "https://meet.example.org/renfrewshire-spg-introduction",
      accessibilityNotes: "Live captions are on. The slides are sent the day before; ask for a large-print or easy-read copy.",
      capacity: 25,
      rsvps: index === 0 ? [{ email: P.alex, status: "GOING" }, { email: P.morag, status: "GOING" }] : [],
    });
  }

  // 5. The Carers sub-group's meeting, arranged by its lead: hybrid, no limit on places.
  await createEvent({
    kind: "SUB_GROUP_MEETING",
    title: "Carers sub-group: short breaks test review",
    description: "Review of the short breaks test: the numbers so far, what carers have told us, and the next quarter's plan.",
    startsAt: at(12, 14, 0),
    hours: 1.5,
    createdBy: P.lorna,
    subGroupId: await subGroupId("Carers sub-group"),
    onlineUrl: "https://meet.example.org/carers-sub-group",
    venue: {
      venueName: "Renfrewshire Carers Centre",
      venueAddress: "2-4 Glasgow Road, Paisley PA1 3QS",
      accessibilityNotes: "Ground-floor meeting room with step-free access. Join online if you cannot leave the person you care for.",
    },
    rsvps: [P.lorna, P.euan, P.alex].map((email) => ({ email, status: "GOING" as const })),
  });

  // 6. A workshop with eight places: full, two people waiting.
  await createEvent({
    kind: "WORKSHOP",
    title: "Measuring what matters: outcome measures workshop",
    description:
      "A hands-on morning for project leads: choosing outcome measures people can actually collect, and writing the end-of-test evaluation.",
    startsAt: at(30, 10, 0),
    hours: 3,
    venue: {
      venueName: "Johnstone Town Hall, Committee Room 2",
      venueAddress: "25 Church Street, Johnstone PA5 8FA",
      accessibilityNotes: "Step-free access and a hearing loop. Materials in large print on request.",
    },
    capacity: 8,
    speakers: [{ name: "Priya Nair", role: "NHS Greater Glasgow and Clyde", topic: "Measures from the eleven funded tests" }],
    rsvps: [
      ...[P.lorna, P.kenny, P.aisha, P.heather, P.jim, P.claire, P.mhairi, P.euan].map((email) => ({ email, status: "GOING" as const })),
      { email: P.gordon, status: "WAITING" as const },
      { email: P.sandra, status: "WAITING" as const },
    ],
  });
}
