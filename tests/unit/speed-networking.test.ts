import { describe, expect, it } from "vitest";
import {
  crossSectorPairsBound,
  pairKey,
  planSpeedNetworking,
  planSpeedNetworkingStepwise,
  validatePlanInput,
  type PlanningStep,
  type Attendee,
  type SpeedNetworkingPlan,
} from "@/server/domain/events/speed-networking";
import { AppError } from "@/server/errors";

/** Attendees numbered in sector order, e.g. mix({ VOLUNTARY: 2, PUBLIC: 1 }) → v1, v2, p1. */
function mix(counts: Record<string, number>): Attendee[] {
  return Object.entries(counts).flatMap(([sector, count]) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${sector.toLowerCase()}-${i + 1}`,
      sector: sector === "INDIVIDUAL" ? null : sector,
    })),
  );
}

const REALISTIC = { VOLUNTARY: 12, PUBLIC: 10, PRIVATE: 4, COMMUNITY: 4 };

/** Every pair within a group, across all rounds, as keys (a trio gives three). */
function pairsMet(plan: SpeedNetworkingPlan): string[] {
  return plan.rounds.flatMap((round) =>
    round.groups.flatMap(({ attendeeIds: ids }) =>
      ids.flatMap((a, i) => ids.slice(i + 1).map((b) => pairKey(a, b))),
    ),
  );
}

function expectEveryoneOncePerRound(plan: SpeedNetworkingPlan, attendees: Attendee[]) {
  const everyone = attendees.map((attendee) => attendee.id).sort();
  for (const round of plan.rounds) {
    expect(round.groups.flatMap((group) => group.attendeeIds).sort()).toEqual(everyone);
  }
}

const groupSizes = (plan: SpeedNetworkingPlan) => plan.rounds.map((round) => round.groups.map((group) => group.attendeeIds.length).sort());

describe("planSpeedNetworking with a realistic breakfast of 30", () => {
  const attendees = mix(REALISTIC);
  const plan = planSpeedNetworking({ attendees, rounds: 4, alreadyMet: [], seed: 7 });

  it("plans four numbered rounds of fifteen pairs", () => {
    expect(plan.rounds.map((round) => round.number)).toEqual([1, 2, 3, 4]);
    expect(groupSizes(plan)).toEqual(Array.from({ length: 4 }, () => Array<number>(15).fill(2)));
  });

  it("puts every attendee in exactly one group in every round", () => {
    expectEveryoneOncePerRound(plan, attendees);
  });

  it("never pairs the same two people twice", () => {
    const pairs = pairsMet(plan);
    expect(pairs).toHaveLength(60);
    expect(new Set(pairs).size).toBe(60);
    expect(plan.repeatedPairs).toBe(0);
  });

  it("makes every pair cross-sector, which is the most this mix allows", () => {
    // The largest sector (12) is under half the room, so every pair can mix sectors.
    expect(plan.upperBoundCrossSectorShare).toBe(1);
    expect(plan.crossSectorShare).toBe(1);
    expect(plan.rounds.every((round) => round.groups.every((group) => group.crossSector))).toBe(true);
  });
});

describe("planSpeedNetworking's cross-sector share", () => {
  it("reaches the bound when one sector is more than half the room", () => {
    const attendees = mix({ VOLUNTARY: 20, PUBLIC: 6, COMMUNITY: 4 });
    const plan = planSpeedNetworking({ attendees, rounds: 4, alreadyMet: [], seed: 3 });
    // Only the 10 people outside the voluntary sector can make a pair cross-sector: 10 of 15.
    expect(plan.upperBoundCrossSectorShare).toBeCloseTo(10 / 15, 10);
    expect(plan.crossSectorShare).toBeCloseTo(10 / 15, 10);
    expect(plan.repeatedPairs).toBe(0);
  });

  it("is 0, as is its bound, when everyone is from the same sector", () => {
    const plan = planSpeedNetworking({ attendees: mix({ PUBLIC: 10 }), rounds: 3, alreadyMet: [], seed: 1 });
    expect(plan.crossSectorShare).toBe(0);
    expect(plan.upperBoundCrossSectorShare).toBe(0);
    expect(plan.repeatedPairs).toBe(0);
  });

  it("treats people without an organisation as a sector of their own", () => {
    const individuals = planSpeedNetworking({ attendees: mix({ INDIVIDUAL: 6 }), rounds: 2, alreadyMet: [], seed: 1 });
    expect(individuals.upperBoundCrossSectorShare).toBe(0);
    const mixed = planSpeedNetworking({ attendees: mix({ INDIVIDUAL: 3, PUBLIC: 3 }), rounds: 3, alreadyMet: [], seed: 1 });
    expect(mixed.crossSectorShare).toBe(1);
  });
});

describe("crossSectorPairsBound (one round)", () => {
  it("is min(n/2, n - largest sector) for an even number", () => {
    expect(crossSectorPairsBound([12, 10, 4, 4])).toBe(15);
    expect(crossSectorPairsBound([20, 6, 4])).toBe(10);
    expect(crossSectorPairsBound([6])).toBe(0);
  });

  it("counts the trio's three pairs for an odd number", () => {
    expect(crossSectorPairsBound([1, 1, 1])).toBe(3);
    expect(crossSectorPairsBound([2, 1])).toBe(2);
    // 5 + 2: a trio of two and one from the smaller sector (2), then one mixed pair of the four left.
    expect(crossSectorPairsBound([5, 2])).toBe(3);
    // 31 people: 14 pairs and a trio of three sectors.
    expect(crossSectorPairsBound([12, 11, 4, 4])).toBe(17);
    expect(crossSectorPairsBound([1])).toBe(0);
    expect(crossSectorPairsBound([])).toBe(0);
  });
});

describe("planSpeedNetworking with an odd number", () => {
  const attendees = mix({ VOLUNTARY: 12, PUBLIC: 11, PRIVATE: 4, COMMUNITY: 4 });
  const plan = planSpeedNetworking({ attendees, rounds: 5, alreadyMet: [], seed: 11 });

  it("makes exactly one trio in each round, the rest pairs", () => {
    const oneTrio = [...Array<number>(14).fill(2), 3];
    expect(groupSizes(plan)).toEqual(Array.from({ length: 5 }, () => oneTrio));
    expectEveryoneOncePerRound(plan, attendees);
  });

  it("puts a different three people in the trio each round", () => {
    const inTrio = plan.rounds.flatMap((round) => round.groups.filter((group) => group.attendeeIds.length === 3)).flatMap((group) => group.attendeeIds);
    expect(inTrio).toHaveLength(15);
    expect(new Set(inTrio).size).toBe(15);
  });

  it("still repeats no pair and reaches the cross-sector bound", () => {
    expect(plan.repeatedPairs).toBe(0);
    expect(new Set(pairsMet(plan)).size).toBe(5 * 17);
    expect(plan.upperBoundCrossSectorShare).toBe(1);
    expect(plan.crossSectorShare).toBe(1);
  });
});

describe("planSpeedNetworking and people who met at earlier events", () => {
  it("avoids pairs who have already met, at the cost of some cross-sector pairs", () => {
    const attendees = mix(REALISTIC);
    const ids = attendees.map((attendee) => attendee.id);
    // Each voluntary person has met the first six public sector people.
    const alreadyMet = ids.slice(0, 12).flatMap((v) => ids.slice(12, 18).map((p) => [v, p] as const));
    const plan = planSpeedNetworking({ attendees, rounds: 4, alreadyMet, seed: 5 });
    const planned = new Set(pairsMet(plan));
    expect(alreadyMet.filter(([a, b]) => planned.has(pairKey(a, b)))).toEqual([]);
    expect(plan.repeatedPairs).toBe(0);
    // The 12 voluntary people can only mix with the 12 others outside the first six public
    // people, so those six pair among themselves: at most 12 of 15 pairs are cross-sector.
    expect(plan.upperBoundCrossSectorShare).toBe(1);
    expect(plan.crossSectorShare).toBe(12 / 15);
  });

  it("prefers a same-sector pair to a repeat", () => {
    const attendees = mix({ VOLUNTARY: 2, PUBLIC: 2 });
    const alreadyMet = [
      ["voluntary-1", "public-1"],
      ["voluntary-1", "public-2"],
      ["voluntary-2", "public-1"],
      ["public-2", "voluntary-2"],
    ] as const;
    const plan = planSpeedNetworking({ attendees, rounds: 1, alreadyMet, seed: 1 });
    expect(plan.rounds[0]!.groups).toEqual([
      { attendeeIds: ["public-1", "public-2"], crossSector: false },
      { attendeeIds: ["voluntary-1", "voluntary-2"], crossSector: false },
    ]);
    expect(plan.repeatedPairs).toBe(0);
    expect(plan.crossSectorShare).toBe(0);
  });

  it("ignores pairs naming people who are not attending", () => {
    const plan = planSpeedNetworking({
      attendees: mix({ VOLUNTARY: 1, PUBLIC: 1 }),
      rounds: 1,
      alreadyMet: [["voluntary-1", "someone-else"]],
    });
    expect(plan.repeatedPairs).toBe(0);
  });
});

describe("planSpeedNetworking when repeats cannot be avoided", () => {
  it("reports them honestly and keeps them to the minimum (4 people, 5 rounds)", () => {
    const plan = planSpeedNetworking({ attendees: mix({ VOLUNTARY: 2, PUBLIC: 2 }), rounds: 5, alreadyMet: [], seed: 1 });
    const pairs = pairsMet(plan);
    // 10 pairs are needed but only 6 exist: the first 3 rounds meet all 6, then 4 repeats.
    expect(new Set(pairs.slice(0, 6)).size).toBe(6);
    expect(plan.repeatedPairs).toBe(4);
    expect(pairs.length - new Set(pairs).size).toBe(4);
  });

  it("counts a pair meeting at an earlier event as a repeat when nothing else is possible", () => {
    const plan = planSpeedNetworking({
      attendees: mix({ VOLUNTARY: 1, PUBLIC: 1 }),
      rounds: 2,
      alreadyMet: [["voluntary-1", "public-1"]],
    });
    expect(plan.repeatedPairs).toBe(2);
  });

  it("finds a full round robin when one exists (6 people, 5 rounds)", () => {
    const plan = planSpeedNetworking({ attendees: mix({ VOLUNTARY: 3, PUBLIC: 3 }), rounds: 5, alreadyMet: [], seed: 2 });
    expect(plan.repeatedPairs).toBe(0);
    expect(new Set(pairsMet(plan)).size).toBe(15);
  });
});

/** Every way to split people into pairs, with one trio when the number is odd. */
function allGroupings(ids: string[]): string[][][] {
  if (ids.length === 0) return [[]];
  if (ids.length === 1) return [];
  const [first, ...rest] = ids as [string, ...string[]];
  const groupings: string[][][] = [];
  rest.forEach((second, i) => {
    const others = rest.filter((_, k) => k !== i);
    for (const grouping of allGroupings(others)) groupings.push([[first, second], ...grouping]);
    if (ids.length % 2 === 1) {
      rest.slice(i + 1).forEach((third, j) => {
        const left = rest.filter((_, k) => k !== i && k !== i + 1 + j);
        if (left.length % 2 === 0) for (const grouping of allGroupings(left)) groupings.push([[first, second, third], ...grouping]);
      });
    }
  });
  return groupings;
}

describe("planSpeedNetworking against every possible round", () => {
  // Small rooms with random sectors and many earlier meetings, checked exhaustively.
  let state = 2024;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cases = Array.from({ length: 40 }, (_, c) => {
    const n = 4 + (c % 6);
    const sectors = ["VOLUNTARY", "PUBLIC", "PRIVATE", null].slice(0, 1 + Math.floor(random() * 4));
    const attendees = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, sector: sectors[Math.floor(random() * sectors.length)] ?? null }));
    const alreadyMet = attendees.flatMap((a, i) => attendees.slice(i + 1).filter(() => random() < 0.4).map((b) => [a.id, b.id] as const));
    return { n, attendees, alreadyMet };
  });

  it.each(cases)("finds the best first round for $n people", ({ attendees, alreadyMet }) => {
    const met = new Set(alreadyMet.map(([a, b]) => pairKey(a, b)));
    const sectorOf = new Map(attendees.map((a) => [a.id, a.sector]));
    const rate = (grouping: string[][]) => {
      const pairs = grouping.flatMap((ids) => ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const)));
      return {
        repeats: pairs.filter(([a, b]) => met.has(pairKey(a, b))).length,
        cross: pairs.filter(([a, b]) => sectorOf.get(a) !== sectorOf.get(b)).length,
      };
    };
    const best = allGroupings(attendees.map((a) => a.id))
      .map(rate)
      .reduce((x, y) => (y.repeats < x.repeats || (y.repeats === x.repeats && y.cross > x.cross) ? y : x));
    const plan = planSpeedNetworking({ attendees, rounds: 1, alreadyMet, seed: 9 });
    expect(rate(plan.rounds[0]!.groups.map((group) => group.attendeeIds))).toEqual(best);
    expect(plan.repeatedPairs).toBe(best.repeats);
  });
});

describe("planSpeedNetworking's determinism", () => {
  const attendees = mix(REALISTIC);

  it("gives the same plan for the same seed, whatever order the attendees come in", () => {
    const first = planSpeedNetworking({ attendees, rounds: 4, alreadyMet: [], seed: 42 });
    const again = planSpeedNetworking({ attendees: [...attendees].reverse(), rounds: 4, alreadyMet: [], seed: 42 });
    expect(again).toEqual(first);
  });

  it("gives another plan, just as good, for another seed", () => {
    const first = planSpeedNetworking({ attendees, rounds: 4, alreadyMet: [], seed: 1 });
    const second = planSpeedNetworking({ attendees, rounds: 4, alreadyMet: [], seed: 2 });
    expect(second.rounds).not.toEqual(first.rounds);
    expect(second.crossSectorShare).toBe(first.crossSectorShare);
    expect(second.repeatedPairs).toBe(0);
  });
});

describe("planSpeedNetworking with very few people", () => {
  it("makes no groups for nobody or one person", () => {
    for (const attendees of [[], mix({ PUBLIC: 1 })]) {
      const plan = planSpeedNetworking({ attendees, rounds: 2, alreadyMet: [] });
      expect(plan).toEqual({
        rounds: [
          { number: 1, groups: [] },
          { number: 2, groups: [] },
        ],
        repeatedPairs: 0,
        crossSectorShare: 0,
        upperBoundCrossSectorShare: 0,
      });
    }
  });

  it("pairs two people, and counts every round after the first as a repeat", () => {
    const plan = planSpeedNetworking({ attendees: mix({ PUBLIC: 1, PRIVATE: 1 }), rounds: 3, alreadyMet: [] });
    expect(plan.rounds.map((round) => round.groups)).toEqual(
      Array.from({ length: 3 }, () => [{ attendeeIds: ["private-1", "public-1"], crossSector: true }]),
    );
    expect(plan.repeatedPairs).toBe(2);
    expect(plan.crossSectorShare).toBe(1);
  });

  it("makes one trio of three people", () => {
    const plan = planSpeedNetworking({ attendees: mix({ PUBLIC: 2, VOLUNTARY: 1 }), rounds: 2, alreadyMet: [] });
    expect(plan.rounds[0]!.groups).toEqual([{ attendeeIds: ["public-1", "public-2", "voluntary-1"], crossSector: true }]);
    // Two of the trio's three pairs mix sectors; the second round repeats all three.
    expect(plan.crossSectorShare).toBeCloseTo(2 / 3, 10);
    expect(plan.upperBoundCrossSectorShare).toBeCloseTo(2 / 3, 10);
    expect(plan.repeatedPairs).toBe(3);
  });
});

describe("validatePlanInput", () => {
  const valid = { attendees: mix({ PUBLIC: 2 }), rounds: 3, alreadyMet: [] };

  it("accepts a plan request and defaults the pairs who have met", () => {
    expect(validatePlanInput({ attendees: valid.attendees, rounds: 3 })).toEqual(valid);
  });

  it.each([
    [{ ...valid, rounds: 0 }, "Plan at least one round."],
    [{ ...valid, rounds: 11 }, "Plan at most 10 rounds."],
    [{ ...valid, rounds: 2.5 }, "The number of rounds must be a whole number."],
    [{ ...valid, attendees: [...valid.attendees, valid.attendees[0]] }, "Each attendee can only be listed once."],
    [{ ...valid, attendees: mix({ PUBLIC: 501 }) }, "Speed networking can be planned for up to 500 attendees."],
  ])("refuses %# with a message for the organiser", (input, message) => {
    const refusal = (() => {
      try {
        validatePlanInput(input);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "BAD_REQUEST", userMessage: message });
  });
});

describe("planning a round at a time", () => {
  it("gives the same plan as planning at once, reporting every round of every attempt in order", async () => {
    const input = { attendees: mix({ VOLUNTARY: 4, PUBLIC: 3, PRIVATE: 2 }), rounds: 4, alreadyMet: [["voluntary-1", "public-1"]] as [string, string][], seed: 7 };
    const steps: PlanningStep[] = [];
    const stepwise = await planSpeedNetworkingStepwise(input, (step) => {
      steps.push(step);
    });
    expect(stepwise).toEqual(planSpeedNetworking(input));
    expect(steps.slice(0, 4)).toEqual([1, 2, 3, 4].map((roundsPlanned) => ({ attempt: 0, roundsPlanned, rounds: 4 })));
    expect(steps.length % 4).toBe(0);
    for (const [index, step] of steps.entries()) expect(step).toEqual({ attempt: Math.floor(index / 4), roundsPlanned: (index % 4) + 1, rounds: 4 });
  });
});
