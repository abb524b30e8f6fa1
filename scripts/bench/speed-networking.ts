/**
 * Times speed-networking plans for breakfasts of different sizes, and prints how good each
 * plan is (repeats, cross-sector share against its bound). Asserts nothing.
 *
 *   node --import tsx scripts/bench/speed-networking.ts
 */
import { performance } from "node:perf_hooks";
import { planSpeedNetworking, type Attendee } from "../../server/domain/events/speed-networking";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);

// Roughly the mix at a Tandem breakfast: voluntary and public sectors largest, some individuals.
const MIX: [string | null, number][] = [
  ["VOLUNTARY", 0.38],
  ["PUBLIC", 0.32],
  ["PRIVATE", 0.12],
  ["COMMUNITY", 0.12],
  [null, 0.06],
];

function attendeesFor(count: number): Attendee[] {
  const attendees: Attendee[] = [];
  for (const [sector, share] of MIX) {
    const wanted = Math.round(count * share);
    for (let i = 0; i < wanted && attendees.length < count; i++) attendees.push({ id: `${sector ?? "individual"}-${i}`, sector });
  }
  while (attendees.length < count) attendees.push({ id: `voluntary-extra-${attendees.length}`, sector: "VOLUNTARY" });
  return attendees;
}

/** A previous event: everyone met a few people, taken in a fixed pattern. */
function earlierMeetings(attendees: Attendee[], each: number): [string, string][] {
  return attendees.flatMap((attendee, i) =>
    Array.from({ length: each }, (_, k) => [attendee.id, attendees[(i + 7 * (k + 1)) % attendees.length]!.id] as [string, string]),
  );
}

function bench(count: number, rounds: number, metEach: number) {
  const attendees = attendeesFor(count);
  const alreadyMet = earlierMeetings(attendees, metEach);
  const times: number[] = [];
  // The first plan of each size is timed on its own, as a server would meet it.
  const coldStart = performance.now();
  let plan = planSpeedNetworking({ attendees, rounds, alreadyMet, seed: 100 });
  const cold = performance.now() - coldStart;
  plan = planSpeedNetworking({ attendees, rounds, alreadyMet, seed: 101 });
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    plan = planSpeedNetworking({ attendees, rounds, alreadyMet, seed: run });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${String(count).padStart(3)} attendees × ${String(rounds).padStart(2)} rounds, ${String(alreadyMet.length).padStart(4)} earlier meetings: ` +
      `median ${median.toFixed(1).padStart(6)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, first ${cold.toFixed(1)}); ` +
      `repeats ${plan.repeatedPairs}, cross-sector ${(plan.crossSectorShare * 100).toFixed(1)}% of at most ${(plan.upperBoundCrossSectorShare * 100).toFixed(1)}%`,
  );
}

// Warm the JIT up once for all sizes, so the first row is not paying for it alone.
for (let seed = 0; seed < 30; seed++) planSpeedNetworking({ attendees: attendeesFor(41), rounds: 4, alreadyMet: [], seed: 1000 + seed });

console.log(`Speed networking plans, median of ${RUNS} runs (seeds 0-${RUNS - 1}), Node ${process.version}`);
for (const [count, rounds, metEach] of [
  [30, 4, 0],
  [31, 4, 0],
  [30, 4, 3],
  [60, 6, 0],
  [61, 6, 3],
  [200, 8, 0],
  [201, 8, 5],
  [500, 10, 0],
] as const) {
  bench(count, rounds, metEach);
}
