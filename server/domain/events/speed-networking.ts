import { z } from "zod";
import { AppError } from "@/server/errors";

/**
 * Speed networking at a breakfast: several short rounds, each splitting the room into
 * pairs (one trio when the number is odd). In order of importance, the plan
 *   1. never puts together two people who have met before, in an earlier round or at an
 *      earlier event, unless the numbers make that impossible (then as rarely as possible);
 *   2. makes as many cross-sector pairs as the room allows;
 *   3. spreads the trio around, so nobody is in it twice while others have not been.
 *
 * Each round is a maximum-weight perfect matching (Edmonds' blossom algorithm), so it is
 * the best round possible given the rounds before it. With an odd number a placeholder
 * joins the matching and whoever is paired with it joins a pair to make the trio; a small
 * local search then settles who the trio is (up to 31 people, if that round could still be
 * better, everyone in turn is tried as the one who joins). Rounds are planned in turn, so
 * an early round can paint a later one into a corner: when the plan has more repeats, fewer
 * cross-sector pairs or more second trios than the numbers force, it is planned again with
 * other tie-breaks (and, for repeats, lighter sector weights), keeping the best. Pure: the
 * seed is the only source of variation.
 */

export type Attendee = { id: string; sector: string | null };
/** A pair or trio; crossSector when its people are not all from the same sector. */
export type SpeedNetworkingGroup = { attendeeIds: string[]; crossSector: boolean };
export type SpeedNetworkingPlan = {
  rounds: { number: number; groups: SpeedNetworkingGroup[] }[];
  /** Pairs within groups who had already met, at an earlier event or an earlier round. */
  repeatedPairs: number;
  /** Share of all pairs within groups (three in a trio) whose two people are from different sectors. */
  crossSectorShare: number;
  /** The highest share any plan could reach with this mix of sectors, ignoring who has met. */
  upperBoundCrossSectorShare: number;
};
export type SpeedNetworkingInput = {
  attendees: Attendee[];
  rounds: number;
  alreadyMet: ReadonlyArray<readonly [string, string]>;
  seed?: number;
};

export const INDIVIDUAL_SECTOR = "INDIVIDUAL";
export const MAX_ROUNDS = 10;
export const MAX_ATTENDEES = 500;

/** An order-independent key for two people, e.g. to look up who has already met. */
export type PairKey = string;
export function pairKey(a: string, b: string): PairKey {
  return JSON.stringify(a < b ? [a, b] : [b, a]);
}

export function sectorKey(attendee: Attendee): string {
  return attendee.sector ?? INDIVIDUAL_SECTOR;
}

/** Pairs within groups in one round of n people: n/2 pairs, or (n-3)/2 pairs and a trio. */
export function pairsPerRound(n: number): number {
  if (n < 2) return 0;
  return n % 2 === 0 ? n / 2 : (n - 3) / 2 + 3;
}

/**
 * The most cross-sector pairs one round can hold, given how many people are in each sector
 * (exact when nobody has met). For an even number: min(n/2, n - largest sector), since
 * everyone in the largest sector needs a partner from outside it. For an odd number, the
 * best of the possible trio make-ups plus that bound for the pairs left; taking the trio
 * from the three largest sectors is never worse than from smaller ones.
 */
export function crossSectorPairsBound(sectorCounts: readonly number[]): number {
  const counts = sectorCounts.filter((count) => count > 0).sort((a, b) => b - a);
  const n = counts.reduce((sum, count) => sum + count, 0);
  if (n < 2) return 0;
  const pairsBound = (people: number, largest: number) => Math.min(Math.floor(people / 2), people - largest);
  if (n % 2 === 0) return pairsBound(n, counts[0]!);
  const top = counts.slice(0, 3);
  let best = 0;
  for (let i = 0; i < top.length; i++) {
    for (let j = i; j < top.length; j++) {
      for (let k = j; k < top.length; k++) {
        const left = [...counts];
        left[i]! -= 1;
        left[j]! -= 1;
        left[k]! -= 1;
        if (left.some((count) => count < 0)) continue;
        const trioCross = Number(i !== j) + Number(i !== k) + Number(j !== k);
        best = Math.max(best, trioCross + pairsBound(n - 3, Math.max(...left)));
      }
    }
  }
  return best;
}

// Weights, each level outweighing everything below it added up over a whole round of up
// to MAX_ATTENDEES people: meeting again, then cross-sector, then the trio, then tie-breaks.
const TIE_BREAK = 16;
const TRIO_AGAIN = 2 ** 13;
const CROSS_SECTOR = 2 ** 17;
const MET_MORE_OFTEN = 2 ** 26;
const MET_AGAIN = 2 ** 39;
const BASE_WEIGHT = 2 ** 42;
const MAX_EXTRA_MEETINGS = 15;
const MAX_TRIO_PENALTY = 3;

/** A small seeded generator (mulberry32): tie-breaks only, so plans are repeatable. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Room = {
  n: number;
  /** CROSS_SECTOR normally; less when a plan is tried again to find one without repeats. */
  crossWeight: number;
  /** The most cross-sector pairs a round can have (crossSectorPairsBound). */
  crossBound: number;
  sector: Int32Array;
  /** met[i * n + j]: how often i and j have met, before the event and in rounds planned so far. */
  met: Uint16Array;
  trios: Uint16Array;
};

type PlannedRounds = { groups: number[][][]; repeatedPairs: number; crossPairs: number; trioRepeats: number };

function pairScore(room: Room, i: number, j: number): number {
  const met = room.met[i * room.n + j]!;
  const cross = room.sector[i] !== room.sector[j] ? room.crossWeight : 0;
  if (met === 0) return cross;
  return cross - MET_AGAIN - MET_MORE_OFTEN * Math.min(met - 1, MAX_EXTRA_MEETINGS);
}

const trioPenalty = (room: Room, person: number) => TRIO_AGAIN * Math.min(room.trios[person]!, MAX_TRIO_PENALTY);

function groupScore(room: Room, group: readonly number[]): number {
  let score = 0;
  for (let a = 0; a < group.length; a++) {
    for (let b = a + 1; b < group.length; b++) score += pairScore(room, group[a]!, group[b]!);
  }
  if (group.length === 3) for (const person of group) score -= trioPenalty(room, person);
  return score;
}

/** The ten ways to split five people into a trio and a pair (the pair's two positions). */
const FIVE_SPLITS: [number, number][] = [];
for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) FIVE_SPLITS.push([a, b]);

/**
 * Improves the trio by re-splitting it with each pair in turn (any way of making a trio and
 * a pair from the five people), until no re-split helps.
 */
function settleTrio(room: Room, groups: number[][], trioIndex: number): void {
  for (let improved = true, passes = 0; improved && passes < 100; passes++) {
    improved = false;
    for (let g = 0; g < groups.length; g++) {
      if (g === trioIndex) continue;
      const five = [...groups[trioIndex]!, ...groups[g]!];
      let best = groupScore(room, groups[trioIndex]!) + groupScore(room, groups[g]!);
      let bestSplit: { trio: number[]; pair: number[] } | null = null;
      for (const [a, b] of FIVE_SPLITS) {
        const pair = [five[a]!, five[b]!];
        const trio = five.filter((_, index) => index !== a && index !== b);
        const score = groupScore(room, trio) + groupScore(room, pair);
        if (score > best) {
          best = score;
          bestSplit = { trio, pair };
        }
      }
      if (bestSplit) {
        groups[trioIndex] = bestSplit.trio;
        groups[g] = bestSplit.pair;
        improved = true;
      }
    }
  }
}

/**
 * A maximum-weight perfect matching of these people, plus a placeholder when asked: whoever
 * is matched with the placeholder is left over to join the trio.
 */
function matchPeople(room: Room, people: readonly number[], random: () => number, placeholder: boolean) {
  const vertices = people.length + (placeholder ? 1 : 0);
  const edgeCount = (vertices * (vertices - 1)) / 2;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const weight = new Float64Array(edgeCount);
  let k = 0;
  for (let i = 0; i < vertices; i++) {
    for (let j = i + 1; j < vertices; j++, k++) {
      from[k] = i;
      to[k] = j;
      const score = j === people.length ? -trioPenalty(room, people[i]!) : pairScore(room, people[i]!, people[j]!);
      weight[k] = BASE_WEIGHT + score + Math.floor(random() * TIE_BREAK);
    }
  }
  const mate = maxWeightMatching(vertices, from, to, weight);
  const pairs: number[][] = [];
  let extra = -1;
  people.forEach((person, i) => {
    const partner = mate[i]!;
    if (partner === people.length) extra = person;
    else if (partner > i) pairs.push([person, people[partner]!]);
  });
  return { pairs, extra };
}

/** Joins the extra person to the pair where they fit best, then settles the trio. */
function formTrio(room: Room, pairs: number[][], extra: number): number[][] {
  const groups = pairs.map((pair) => [...pair]);
  let join = 0;
  let bestGain = -Infinity;
  groups.forEach((pair, index) => {
    const gain = groupScore(room, [...pair, extra]) - groupScore(room, pair);
    if (gain > bestGain) {
      bestGain = gain;
      join = index;
    }
  });
  groups[join] = [...groups[join]!, extra];
  settleTrio(room, groups, join);
  return groups;
}

const roundScore = (room: Room, groups: readonly number[][]) =>
  groups.reduce((sum, group) => sum + groupScore(room, group), 0);

/** No repeats, no one in the trio again and, when they count, as many cross-sector pairs as possible. */
function cannotImprove(room: Room, groups: readonly number[][]): boolean {
  let crossPairs = 0;
  for (const group of groups) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const i = group[a]!;
        const j = group[b]!;
        if (room.met[i * room.n + j]! > 0) return false;
        if (room.sector[i] !== room.sector[j]) crossPairs += 1;
      }
    }
    if (group.length === 3 && group.some((person) => room.trios[person]! > 0)) return false;
  }
  return room.crossWeight === 0 || crossPairs >= room.crossBound;
}

/** Up to this many people, every one of them is tried as the one who joins the trio. */
const TRY_EVERY_EXTRA_UP_TO = 31;

function planRound(room: Room, random: () => number): number[][] {
  const { n } = room;
  if (n < 2) return [];
  if (n === 3) return [[0, 1, 2]];
  const everyone = Array.from({ length: n }, (_, i) => i);
  if (n % 2 === 0) return matchPeople(room, everyone, random, false).pairs;
  const matched = matchPeople(room, everyone, random, true);
  let best = formTrio(room, matched.pairs, matched.extra);
  if (n <= TRY_EVERY_EXTRA_UP_TO && !cannotImprove(room, best)) {
    let bestScore = roundScore(room, best);
    for (const extra of everyone) {
      const others = everyone.filter((person) => person !== extra);
      const groups = formTrio(room, matchPeople(room, others, random, false).pairs, extra);
      const score = roundScore(room, groups);
      if (score > bestScore) {
        best = groups;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Plans every round, one after another, pausing (yielding how many are done) after each. */
function* planAllRounds(room: Room, rounds: number, seed: number): Generator<number, PlannedRounds> {
  const random = mulberry32(seed);
  const planned: PlannedRounds = { groups: [], repeatedPairs: 0, crossPairs: 0, trioRepeats: 0 };
  for (let round = 0; round < rounds; round++) {
    const groups = planRound(room, random);
    for (const group of groups) {
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          const i = group[a]!;
          const j = group[b]!;
          if (room.met[i * room.n + j]! > 0) planned.repeatedPairs += 1;
          if (room.sector[i] !== room.sector[j]) planned.crossPairs += 1;
        }
      }
    }
    for (const group of groups) {
      for (const i of group) for (const j of group) if (i !== j) room.met[i * room.n + j]! += 1;
      if (group.length === 3) {
        for (const i of group) {
          if (room.trios[i]! > 0) planned.trioRepeats += 1;
          room.trios[i]! += 1;
        }
      }
    }
    planned.groups.push(groups);
    yield round + 1;
  }
  return planned;
}

/** Fewest repeats any plan can have: not enough new pairs overall, or for someone. */
function repeatsLowerBound(n: number, rounds: number, metBefore: Uint16Array): number {
  if (n < 2) return 0;
  let unmetPairs = (n * (n - 1)) / 2;
  let shortfall = 0;
  for (let i = 0; i < n; i++) {
    let newPeople = 0;
    for (let j = 0; j < n; j++) if (j !== i && metBefore[i * n + j] === 0) newPeople += 1;
    unmetPairs -= (n - 1 - newPeople) / 2;
    shortfall += Math.max(0, rounds - newPeople);
  }
  return Math.max(rounds * pairsPerRound(n) - unmetPairs, Math.ceil(shortfall / 2), 0);
}

const isBetter = (a: PlannedRounds, b: PlannedRounds) =>
  a.repeatedPairs !== b.repeatedPairs
    ? a.repeatedPairs < b.repeatedPairs
    : a.crossPairs !== b.crossPairs
      ? a.crossPairs > b.crossPairs
      : a.trioRepeats < b.trioRepeats;

/**
 * How many times to plan, within roughly 150 ms: a round costs about (n+1)³ steps, and
 * (on average) n/2 times that for a small odd number, where everyone may be tried in the trio.
 */
function attemptBudget(n: number, rounds: number): number {
  if (n <= 3 || rounds === 0) return 1;
  const roundCost = (n + 1) ** 3 * (n % 2 === 1 && n <= TRY_EVERY_EXTRA_UP_TO ? n / 2 : 1);
  return Math.max(1, Math.min(MAX_ATTEMPTS, Math.floor(1.5e6 / (rounds * roundCost))));
}
const MAX_ATTEMPTS = 60;
/** Another try rarely adds cross-sector pairs once there are no avoidable repeats. */
const MAX_ATTEMPTS_FOR_CROSS_SECTOR = 4;

/**
 * Cross-sector weight for each try. Making every early round cross-sector can leave the
 * last rounds only same-sector pairs nobody has had yet, which may not go round (3 + 3
 * people over 5 rounds). So when repeats remain, later tries weight sectors lightly, or
 * not at all, to find a plan without them.
 */
const crossWeightFor = (attempt: number, repeatsLeft: boolean) =>
  !repeatsLeft ? CROSS_SECTOR : [CROSS_SECTOR, 0, TIE_BREAK / 2][attempt % 3]!;

/** How far a plan has got: rounds planned in this attempt (each attempt plans every round again). */
export type PlanningStep = { attempt: number; roundsPlanned: number; rounds: number };

export function planSpeedNetworking(input: SpeedNetworkingInput): SpeedNetworkingPlan {
  const steps = planningSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same plan, worked out a round at a time: after each round `onStep` is awaited and the
 * event loop gets a turn, so a large breakfast neither blocks the server nor hides its progress.
 */
export async function planSpeedNetworkingStepwise(
  input: SpeedNetworkingInput,
  onStep: (step: PlanningStep) => Promise<void> | void,
): Promise<SpeedNetworkingPlan> {
  const steps = planningSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await onStep(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function* planningSteps(input: SpeedNetworkingInput): Generator<PlanningStep, SpeedNetworkingPlan> {
  const attendees = [...input.attendees].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = attendees.length;
  const rounds = Math.max(0, Math.floor(input.rounds));
  const index = new Map(attendees.map((attendee, i) => [attendee.id, i]));
  const sectorIds = new Map<string, number>();
  const sector = Int32Array.from(attendees, (attendee) => {
    const key = sectorKey(attendee);
    if (!sectorIds.has(key)) sectorIds.set(key, sectorIds.size);
    return sectorIds.get(key)!;
  });
  const metBefore = new Uint16Array(n * n);
  for (const [a, b] of input.alreadyMet) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    metBefore[i * n + j] = 1;
    metBefore[j * n + i] = 1;
  }

  const sectorCounts = [...sectorIds.values()].map((id) => sector.filter((s) => s === id).length);
  const roundBound = crossSectorPairsBound(sectorCounts);
  const pairsEachRound = pairsPerRound(n);
  const fewestRepeats = repeatsLowerBound(n, rounds, metBefore);
  const fewestTrioRepeats = n % 2 === 1 && n >= 3 ? Math.max(0, 3 * rounds - n) : 0;

  const baseSeed = (input.seed ?? 1) >>> 0;
  const budget = attemptBudget(n, rounds);
  let best: PlannedRounds | null = null;
  for (let attempt = 0, crossOnlyAttempts = 0; attempt < budget; attempt++) {
    const repeatsLeft = best !== null && best.repeatedPairs > fewestRepeats;
    const crossWeight = crossWeightFor(attempt, repeatsLeft);
    const room: Room = { n, crossWeight, crossBound: roundBound, sector, met: metBefore.slice(), trios: new Uint16Array(n) };
    const attemptSteps = planAllRounds(room, rounds, (baseSeed + Math.imul(attempt, 0x9e3779b9)) >>> 0);
    let next = attemptSteps.next();
    while (!next.done) {
      yield { attempt, roundsPlanned: next.value, rounds };
      next = attemptSteps.next();
    }
    const planned = next.value;
    if (!best || isBetter(planned, best)) best = planned;
    if (best.repeatedPairs > fewestRepeats) continue;
    const shortOfCrossSector = best.crossPairs < roundBound * rounds;
    if (!shortOfCrossSector && best.trioRepeats <= fewestTrioRepeats) break;
    if (shortOfCrossSector && ++crossOnlyAttempts >= MAX_ATTEMPTS_FOR_CROSS_SECTOR) break;
  }

  const totalPairs = pairsEachRound * rounds;
  return {
    rounds: best!.groups.map((groups, r) => ({
      number: r + 1,
      groups: groups
        .map((group) => [...group].sort((a, b) => a - b))
        .sort((a, b) => a[0]! - b[0]!)
        .map((group) => ({
          attendeeIds: group.map((i) => attendees[i]!.id),
          crossSector: group.some((i) => sector[i] !== sector[group[0]!]),
        })),
    })),
    repeatedPairs: best!.repeatedPairs,
    crossSectorShare: totalPairs === 0 ? 0 : best!.crossPairs / totalPairs,
    upperBoundCrossSectorShare: pairsEachRound === 0 ? 0 : roundBound / pairsEachRound,
  };
}

export const speedNetworkingInputSchema = z
  .object({
    attendees: z
      .array(
        z.object({
          id: z.string().min(1, "Every attendee needs an id."),
          sector: z.string().min(1).nullable(),
        }),
      )
      .max(MAX_ATTENDEES, `Speed networking can be planned for up to ${MAX_ATTENDEES} attendees.`),
    rounds: z
      .number()
      .int("The number of rounds must be a whole number.")
      .min(1, "Plan at least one round.")
      .max(MAX_ROUNDS, `Plan at most ${MAX_ROUNDS} rounds.`),
    alreadyMet: z.array(z.tuple([z.string(), z.string()])).default([]),
    seed: z.number().int().optional(),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.attendees.forEach((attendee, i) => {
      if (seen.has(attendee.id)) {
        ctx.addIssue({ code: "custom", path: ["attendees", i, "id"], message: "Each attendee can only be listed once." });
      }
      seen.add(attendee.id);
    });
  });

/** Checks untrusted input, throwing a BAD_REQUEST with messages written for the organiser. */
export function validatePlanInput(input: unknown): SpeedNetworkingInput {
  const parsed = speedNetworkingInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".") || "input";
    (fieldErrors[path] ??= []).push(issue.message);
  }
  throw new AppError("BAD_REQUEST", parsed.error.issues[0]!.message, fieldErrors);
}

/**
 * Maximum-weight perfect matching on a complete graph: Edmonds' blossom algorithm with
 * dual variables, O(V³), after Joris van Rantwijk's public-domain implementation (with its
 * maximum-cardinality option always on). Edges are given as parallel arrays; returns each
 * vertex's partner, or -1.
 */
function maxWeightMatching(vertexCount: number, from: Int32Array, to: Int32Array, weight: Float64Array): Int32Array {
  const nv = vertexCount;
  const ne = from.length;
  const result = new Int32Array(nv).fill(-1);
  if (ne === 0) return result;
  let maxWeight = 0;
  for (let k = 0; k < ne; k++) maxWeight = Math.max(maxWeight, weight[k]!);
  // endpoint[p] is the vertex at end p of edge p >> 1.
  const endpoint = new Int32Array(2 * ne);
  const neighbourEnds: number[][] = Array.from({ length: nv }, () => []);
  for (let k = 0; k < ne; k++) {
    endpoint[2 * k] = from[k]!;
    endpoint[2 * k + 1] = to[k]!;
    neighbourEnds[from[k]!]!.push(2 * k + 1);
    neighbourEnds[to[k]!]!.push(2 * k);
  }
  const mate = new Int32Array(nv).fill(-1);
  const label = new Int32Array(2 * nv);
  const labelEnd = new Int32Array(2 * nv).fill(-1);
  const inBlossom = Int32Array.from({ length: nv }, (_, v) => v);
  const blossomParent = new Int32Array(2 * nv).fill(-1);
  const blossomChildren: (number[] | null)[] = new Array(2 * nv).fill(null);
  const blossomBase = Int32Array.from({ length: 2 * nv }, (_, b) => (b < nv ? b : -1));
  const blossomEnds: (number[] | null)[] = new Array(2 * nv).fill(null);
  const bestEdge = new Int32Array(2 * nv).fill(-1);
  const blossomBestEdges: (number[] | null)[] = new Array(2 * nv).fill(null);
  const unusedBlossoms: number[] = [];
  for (let b = nv; b < 2 * nv; b++) unusedBlossoms.push(b);
  const dual = new Float64Array(2 * nv);
  dual.fill(maxWeight, 0, nv);
  const allowEdge = new Uint8Array(ne);
  let queue: number[] = [];

  const at = (list: number[], i: number) => list[i < 0 ? i + list.length : i]!;
  const slack = (k: number) => dual[from[k]!]! + dual[to[k]!]! - 2 * weight[k]!;
  const leaves = (b: number, out: number[] = []): number[] => {
    if (b < nv) out.push(b);
    else for (const child of blossomChildren[b]!) leaves(child, out);
    return out;
  };

  const assignLabel = (w: number, t: number, p: number): void => {
    const b = inBlossom[w]!;
    label[w] = label[b] = t;
    labelEnd[w] = labelEnd[b] = p;
    bestEdge[w] = bestEdge[b] = -1;
    if (t === 1) {
      queue.push(...leaves(b));
    } else if (t === 2) {
      const base = blossomBase[b]!;
      assignLabel(endpoint[mate[base]!]!, 1, mate[base]! ^ 1);
    }
  };

  // Traces back from v and w to find a new blossom's base, or -1 for an augmenting path.
  const scanBlossom = (vStart: number, wStart: number): number => {
    const path: number[] = [];
    let base = -1;
    let v = vStart;
    let w = wStart;
    while (v !== -1 || w !== -1) {
      let b = inBlossom[v]!;
      if (label[b]! & 4) {
        base = blossomBase[b]!;
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelEnd[b] === -1) {
        v = -1;
      } else {
        v = endpoint[labelEnd[b]!]!;
        b = inBlossom[v]!;
        v = endpoint[labelEnd[b]!]!;
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of path) label[b] = 1;
    return base;
  };

  const addBlossom = (base: number, k: number): void => {
    let v = from[k]!;
    let w = to[k]!;
    const bb = inBlossom[base]!;
    let bv = inBlossom[v]!;
    let bw = inBlossom[w]!;
    const b = unusedBlossoms.pop()!;
    blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    const path: number[] = [];
    const ends: number[] = [];
    while (bv !== bb) {
      blossomParent[bv] = b;
      path.push(bv);
      ends.push(labelEnd[bv]!);
      v = endpoint[labelEnd[bv]!]!;
      bv = inBlossom[v]!;
    }
    path.push(bb);
    path.reverse();
    ends.reverse();
    ends.push(2 * k);
    while (bw !== bb) {
      blossomParent[bw] = b;
      path.push(bw);
      ends.push(labelEnd[bw]! ^ 1);
      w = endpoint[labelEnd[bw]!]!;
      bw = inBlossom[w]!;
    }
    blossomChildren[b] = path;
    blossomEnds[b] = ends;
    label[b] = 1;
    labelEnd[b] = labelEnd[bb]!;
    dual[b] = 0;
    for (const leaf of leaves(b)) {
      if (label[inBlossom[leaf]!] === 2) queue.push(leaf);
      inBlossom[leaf] = b;
    }
    const bestEdgeTo = new Int32Array(2 * nv).fill(-1);
    for (const child of path) {
      const lists = blossomBestEdges[child]
        ? [blossomBestEdges[child]]
        : leaves(child).map((leaf) => neighbourEnds[leaf]!.map((p) => p >> 1));
      for (const list of lists) {
        for (const edge of list) {
          let j = to[edge]!;
          if (inBlossom[j] === b) j = from[edge]!;
          const bj = inBlossom[j]!;
          if (bj !== b && label[bj] === 1 && (bestEdgeTo[bj] === -1 || slack(edge) < slack(bestEdgeTo[bj]!))) {
            bestEdgeTo[bj] = edge;
          }
        }
      }
      blossomBestEdges[child] = null;
      bestEdge[child] = -1;
    }
    const best = Array.from(bestEdgeTo).filter((edge) => edge !== -1);
    blossomBestEdges[b] = best;
    bestEdge[b] = -1;
    for (const edge of best) if (bestEdge[b] === -1 || slack(edge) < slack(bestEdge[b]!)) bestEdge[b] = edge;
  };

  const expandBlossom = (b: number, endStage: boolean): void => {
    const children = blossomChildren[b]!;
    const ends = blossomEnds[b]!;
    for (const s of children) {
      blossomParent[s] = -1;
      if (s < nv) inBlossom[s] = s;
      else if (endStage && dual[s] === 0) expandBlossom(s, endStage);
      else for (const leaf of leaves(s)) inBlossom[leaf] = s;
    }
    if (!endStage && label[b] === 2) {
      const entryChild = inBlossom[endpoint[labelEnd[b]! ^ 1]!]!;
      let j = children.indexOf(entryChild);
      let step: number;
      let trick: number;
      if (j & 1) {
        j -= children.length;
        step = 1;
        trick = 0;
      } else {
        step = -1;
        trick = 1;
      }
      let p = labelEnd[b]!;
      while (j !== 0) {
        label[endpoint[p ^ 1]!] = 0;
        label[endpoint[at(ends, j - trick) ^ trick ^ 1]!] = 0;
        assignLabel(endpoint[p ^ 1]!, 2, p);
        allowEdge[at(ends, j - trick) >> 1] = 1;
        j += step;
        p = at(ends, j - trick) ^ trick;
        allowEdge[p >> 1] = 1;
        j += step;
      }
      let bv = at(children, j);
      label[endpoint[p ^ 1]!] = label[bv] = 2;
      labelEnd[endpoint[p ^ 1]!] = labelEnd[bv] = p;
      bestEdge[bv] = -1;
      j += step;
      while (at(children, j) !== entryChild) {
        bv = at(children, j);
        if (label[bv] === 1) {
          j += step;
          continue;
        }
        const labelled = leaves(bv).find((leaf) => label[leaf] !== 0);
        if (labelled !== undefined) {
          label[labelled] = 0;
          label[endpoint[mate[blossomBase[bv]!]!]!] = 0;
          assignLabel(labelled, 2, labelEnd[labelled]!);
        }
        j += step;
      }
    }
    label[b] = labelEnd[b] = -1;
    blossomChildren[b] = blossomEnds[b] = null;
    blossomBase[b] = -1;
    blossomBestEdges[b] = null;
    bestEdge[b] = -1;
    unusedBlossoms.push(b);
  };

  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (blossomParent[t] !== b) t = blossomParent[t]!;
    if (t >= nv) augmentBlossom(t, v);
    const children = blossomChildren[b]!;
    const ends = blossomEnds[b]!;
    const i = children.indexOf(t);
    let j = i;
    let step: number;
    let trick: number;
    if (i & 1) {
      j -= children.length;
      step = 1;
      trick = 0;
    } else {
      step = -1;
      trick = 1;
    }
    while (j !== 0) {
      j += step;
      t = at(children, j);
      const p = at(ends, j - trick) ^ trick;
      if (t >= nv) augmentBlossom(t, endpoint[p]!);
      j += step;
      t = at(children, j);
      if (t >= nv) augmentBlossom(t, endpoint[p ^ 1]!);
      mate[endpoint[p]!] = p ^ 1;
      mate[endpoint[p ^ 1]!] = p;
    }
    blossomChildren[b] = [...children.slice(i), ...children.slice(0, i)];
    blossomEnds[b] = [...ends.slice(i), ...ends.slice(0, i)];
    blossomBase[b] = blossomBase[blossomChildren[b]![0]!]!;
  };

  const augmentMatching = (k: number): void => {
    for (const [start, startEnd] of [
      [from[k]!, 2 * k + 1],
      [to[k]!, 2 * k],
    ] as const) {
      let s = start;
      let p = startEnd;
      for (;;) {
        const bs = inBlossom[s]!;
        if (bs >= nv) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break;
        const t = endpoint[labelEnd[bs]!]!;
        const bt = inBlossom[t]!;
        s = endpoint[labelEnd[bt]!]!;
        const j = endpoint[labelEnd[bt]! ^ 1]!;
        if (bt >= nv) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt]!;
        p = labelEnd[bt]! ^ 1;
      }
    }
  };

  for (let stage = 0; stage < nv; stage++) {
    label.fill(0);
    bestEdge.fill(-1);
    blossomBestEdges.fill(null, nv);
    allowEdge.fill(0);
    queue = [];
    for (let v = 0; v < nv; v++) if (mate[v] === -1 && label[inBlossom[v]!] === 0) assignLabel(v, 1, -1);
    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (const p of neighbourEnds[v]!) {
          const k = p >> 1;
          const w = endpoint[p]!;
          if (inBlossom[v] === inBlossom[w]) continue;
          let kSlack = 0;
          if (!allowEdge[k]) {
            kSlack = slack(k);
            if (kSlack <= 0) allowEdge[k] = 1;
          }
          if (allowEdge[k]) {
            if (label[inBlossom[w]!] === 0) {
              assignLabel(w, 2, p ^ 1);
            } else if (label[inBlossom[w]!] === 1) {
              const base = scanBlossom(v, w);
              if (base >= 0) addBlossom(base, k);
              else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === 0) {
              label[w] = 2;
              labelEnd[w] = p ^ 1;
            }
          } else if (label[inBlossom[w]!] === 1) {
            const b = inBlossom[v]!;
            if (bestEdge[b] === -1 || kSlack < slack(bestEdge[b]!)) bestEdge[b] = k;
          } else if (label[w] === 0) {
            if (bestEdge[w] === -1 || kSlack < slack(bestEdge[w]!)) bestEdge[w] = k;
          }
        }
      }
      if (augmented) break;

      // No augmenting path with the current duals: change them by the largest safe delta.
      let deltaType = -1;
      let delta = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      for (let v = 0; v < nv; v++) {
        if (label[inBlossom[v]!] === 0 && bestEdge[v] !== -1) {
          const d = slack(bestEdge[v]!);
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = bestEdge[v]!;
          }
        }
      }
      for (let b = 0; b < 2 * nv; b++) {
        if (blossomParent[b] === -1 && label[b] === 1 && bestEdge[b] !== -1) {
          const d = slack(bestEdge[b]!) / 2;
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = bestEdge[b]!;
          }
        }
      }
      for (let b = nv; b < 2 * nv; b++) {
        if (blossomBase[b]! >= 0 && blossomParent[b] === -1 && label[b] === 2 && (deltaType === -1 || dual[b]! < delta)) {
          delta = dual[b]!;
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      if (deltaType === -1) {
        deltaType = 1;
        let minDual = Infinity;
        for (let v = 0; v < nv; v++) minDual = Math.min(minDual, dual[v]!);
        delta = Math.max(0, minDual);
      }
      for (let v = 0; v < nv; v++) {
        const l = label[inBlossom[v]!];
        if (l === 1) dual[v]! -= delta;
        else if (l === 2) dual[v]! += delta;
      }
      for (let b = nv; b < 2 * nv; b++) {
        if (blossomBase[b]! >= 0 && blossomParent[b] === -1) {
          if (label[b] === 1) dual[b]! += delta;
          else if (label[b] === 2) dual[b]! -= delta;
        }
      }
      if (deltaType === 1) break;
      if (deltaType === 2) {
        allowEdge[deltaEdge] = 1;
        let i = from[deltaEdge]!;
        if (label[inBlossom[i]!] === 0) i = to[deltaEdge]!;
        queue.push(i);
      } else if (deltaType === 3) {
        allowEdge[deltaEdge] = 1;
        queue.push(from[deltaEdge]!);
      } else {
        expandBlossom(deltaBlossom, false);
      }
    }
    if (!augmented) break;
    for (let b = nv; b < 2 * nv; b++) {
      if (blossomParent[b] === -1 && blossomBase[b]! >= 0 && label[b] === 1 && dual[b] === 0) expandBlossom(b, true);
    }
  }
  for (let v = 0; v < nv; v++) if (mate[v]! >= 0) result[v] = endpoint[mate[v]!]!;
  return result;
}
