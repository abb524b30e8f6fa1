import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { effectiveRoundStatus } from "@/server/domain/funding/rounds";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

export type OpenRound = {
  id: string;
  title: string;
  closesAt: Date;
  minAwardPence: number;
  maxAwardPence: number;
  fundName: string;
};

/**
 * The rounds a sub-group's proposal may go to now: rounds of the partnership's funds that
 * are open (and not past their closing time) and fund the sub-group's priority area (a
 * round naming no priority areas funds them all). Soonest deadline first.
 */
export async function openRoundsForSubGroup(db: Database | Tx, subGroupId: string, now = new Date()): Promise<OpenRound[]> {
  const subGroup = await db.subGroup.findUnique({ where: { id: subGroupId }, select: { partnershipId: true, priorityAreaId: true } });
  if (!subGroup) throw notFound("That sub-group");
  const rounds = await db.fundingRound.findMany({
    where: {
      status: "OPEN",
      closesAt: { gt: now },
      fund: { partnershipId: subGroup.partnershipId },
      OR: [{ priorityAreaIds: { isEmpty: true } }, { priorityAreaIds: { has: subGroup.priorityAreaId } }],
    },
    orderBy: [{ closesAt: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      closesAt: true,
      minAwardPence: true,
      maxAwardPence: true,
      fund: { select: { name: true } },
    },
  });
  return rounds
    .filter((round) => effectiveRoundStatus(round, now) === "OPEN")
    .map((round) => ({
      id: round.id,
      title: round.title,
      closesAt: round.closesAt,
      minAwardPence: round.minAwardPence,
      maxAwardPence: round.maxAwardPence,
      fundName: round.fund.name,
    }));
}

/** The round, when it is one this sub-group's proposals may choose now; otherwise a BAD_REQUEST naming the field. */
export async function requireOpenRound(db: Database | Tx, subGroupId: string, roundId: string, now = new Date()): Promise<OpenRound> {
  const round = (await openRoundsForSubGroup(db, subGroupId, now)).find((candidate) => candidate.id === roundId);
  if (!round) {
    throw new AppError("BAD_REQUEST", "That funding round is not open to this sub-group's proposals.", {
      roundId: ["Choose one of the rounds open now for this sub-group's priority area."],
    });
  }
  return round;
}
