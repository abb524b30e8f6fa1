import type { Prisma } from "@/server/db/generated/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { lockLeads } from "@/server/domain/sub-groups/access";
import { AppError } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/**
 * What a person's partnership role gave them beneath the partnership, and what ends, in the
 * same transaction, when they become an observer or leave: leading sub-groups, writing open
 * proposals, panel seats in rounds still being decided, places on running projects' teams
 * (and, on leaving, their sub-group places). Nothing is left without someone to lead it: a
 * change that would leave a sub-group without a lead, a running project without its lead or
 * an open proposal without its lead author is refused, saying what to hand over first.
 */

/** Proposals whose authors may still change (and that would need a lead author). */
const OPEN_PROPOSALS = ["DRAFT", "SUBMITTED"] as const;

export type EndedParts = {
  /** Sub-groups they no longer lead (still a member when becoming an observer). */
  leadershipsEnded: string[];
  /** Sub-groups they are no longer in (on leaving the partnership). */
  subGroupsLeft: string[];
  coAuthorshipsEnded: string[];
  panelSeatsEnded: string[];
  projectTeamsLeft: string[];
};

const NOTHING: EndedParts = { leadershipsEnded: [], subGroupsLeft: [], coAuthorshipsEnded: [], panelSeatsEnded: [], projectTeamsLeft: [] };

/** Whether a role lets someone take an active part (and so keep what they lead and write). */
const TAKES_PART: readonly MembershipRole[] = ["OFFICER", "CHAIR", "MEMBER"];

const quoted = (names: string[]) => names.map((name) => `“${name}”`);

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Ends what the old role gave, or refuses the change. `to` is the new role, or null when the
 * person is being removed from the partnership. Call inside the transaction that makes the
 * change, after locking the membership.
 */
export async function endWhatTheRoleGave(
  tx: Tx,
  change: { partnershipId: string; userId: string; name: string; to: MembershipRole | null; refusalLead?: string },
): Promise<EndedParts> {
  const { partnershipId, userId, name, to } = change;
  if (to !== null && TAKES_PART.includes(to)) return NOTHING;
  const removing = to === null;

  const [led, projectsLed, proposalsLed] = await Promise.all([
    tx.subGroupMembership.findMany({
      where: { userId, role: "LEAD", subGroup: { partnershipId, archivedAt: null } },
      select: { subGroupId: true, subGroup: { select: { name: true } } },
      orderBy: { subGroupId: "asc" },
    }),
    tx.projectTeamMember.findMany({
      where: { userId, role: "LEAD", project: { partnershipId, status: { not: "DECIDED" } } },
      select: { project: { select: { name: true } } },
    }),
    tx.proposalAuthor.findMany({
      where: { userId, role: "LEAD", proposal: { partnershipId, status: { in: [...OPEN_PROPOSALS] } } },
      select: { proposal: { select: { title: true } } },
    }),
  ]);

  // The leads of every sub-group they lead are locked (in one order), so a co-lead stepping
  // down at the same moment cannot leave the sub-group with nobody.
  const onlyLeadOf: string[] = [];
  for (const group of led) {
    const leads = await lockLeads(tx, group.subGroupId);
    if (leads.filter((id) => id !== userId).length === 0) onlyLeadOf.push(group.subGroup.name);
  }

  const steps: string[] = [];
  if (onlyLeadOf.length > 0) steps.push(`make someone else a lead of ${listInWords(quoted(onlyLeadOf))} (on the sub-group's page)`);
  if (projectsLed.length > 0) {
    steps.push(`hand the lead of ${listInWords(quoted(projectsLed.map((row) => row.project.name)))} to someone else (on the project's page)`);
  }
  if (proposalsLed.length > 0) {
    steps.push(
      `make a co-author the lead author of ${listInWords(quoted(proposalsLed.map((row) => row.proposal.title)))}, or ask ${name} to withdraw ${proposalsLed.length === 1 ? "it" : "them"}`,
    );
  }
  if (steps.length > 0) {
    const what = removing ? `remove ${name} from the partnership` : `make ${name} an observer`;
    throw new AppError("CONFLICT", `${change.refusalLead ?? `Before you ${what},`} ${listInWords(steps)}. Nothing was changed.`);
  }

  const inPartnership = { partnershipId };
  const coAuthored = await tx.proposalAuthor.findMany({
    where: { userId, role: "CO_AUTHOR", proposal: { ...inPartnership, status: { in: [...OPEN_PROPOSALS] } } },
    select: { proposalId: true, proposal: { select: { title: true } } },
  });
  if (coAuthored.length > 0) {
    await tx.proposalAuthor.deleteMany({ where: { userId, proposalId: { in: coAuthored.map((row) => row.proposalId) } } });
  }

  // Panel seats in rounds not yet decided go, with unfinished score sheets; a seat whose
  // scores were submitted stays, because those scores count.
  const seats = await tx.roundAssessor.findMany({
    where: { userId, round: { fund: inPartnership, status: { not: "DECIDED" } } },
    select: { roundId: true, round: { select: { title: true } } },
  });
  const panelSeatsEnded: string[] = [];
  for (const seat of seats) {
    const submitted = await tx.assessment.count({ where: { assessorId: userId, status: "SUBMITTED", proposal: { roundId: seat.roundId } } });
    if (submitted > 0) continue;
    await tx.assessment.deleteMany({ where: { assessorId: userId, status: "DRAFT", proposal: { roundId: seat.roundId } } });
    await tx.roundAssessor.delete({ where: { roundId_userId: { roundId: seat.roundId, userId } } });
    panelSeatsEnded.push(seat.round.title);
  }

  const teams = await tx.projectTeamMember.findMany({
    where: { userId, project: { ...inPartnership, status: { not: "DECIDED" } } },
    select: { projectId: true, project: { select: { name: true } } },
  });
  if (teams.length > 0) {
    await tx.projectTeamMember.deleteMany({ where: { userId, projectId: { in: teams.map((row) => row.projectId) } } });
  }

  let leadershipsEnded: string[] = [];
  let subGroupsLeft: string[] = [];
  if (removing) {
    const places = await tx.subGroupMembership.findMany({
      where: { userId, subGroup: inPartnership },
      select: { subGroup: { select: { name: true } } },
    });
    subGroupsLeft = places.map((row) => row.subGroup.name);
    await tx.subGroupMembership.deleteMany({ where: { userId, subGroup: inPartnership } });
  } else if (led.length > 0) {
    await tx.subGroupMembership.updateMany({
      where: { userId, subGroupId: { in: led.map((row) => row.subGroupId) } },
      data: { role: "MEMBER" },
    });
    leadershipsEnded = led.map((row) => row.subGroup.name);
  }

  return {
    leadershipsEnded,
    subGroupsLeft,
    coAuthorshipsEnded: coAuthored.map((row) => row.proposal.title),
    panelSeatsEnded,
    projectTeamsLeft: teams.map((row) => row.project.name),
  };
}

/**
 * The ended parts in plain words, for the audit trail ("Sam no longer leads ...") or the
 * person's own notification ("You no longer lead ..."); "" when nothing ended.
 */
export function describeEnded(ended: EndedParts, speaking: "of them" | "to them" = "of them"): string {
  const s = speaking === "of them" ? "s" : "";
  const parts: string[] = [];
  if (ended.leadershipsEnded.length > 0) parts.push(`no longer lead${s} ${listInWords(quoted(ended.leadershipsEnded))}`);
  if (ended.subGroupsLeft.length > 0) parts.push(`left ${listInWords(quoted(ended.subGroupsLeft))}`);
  if (ended.coAuthorshipsEnded.length > 0) parts.push(`no longer co-write${s} ${listInWords(quoted(ended.coAuthorshipsEnded))}`);
  if (ended.panelSeatsEnded.length > 0) parts.push(`left the assessment panel of ${listInWords(quoted(ended.panelSeatsEnded))}`);
  if (ended.projectTeamsLeft.length > 0) parts.push(`left the team of ${listInWords(quoted(ended.projectTeamsLeft))}`);
  return listInWords(parts);
}
