import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { ruleFor } from "@/server/auth/rules";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { mutate } from "./support/http";
import { draftProposal, fundWorld, fundedProject, grantAward, isoDay, subGroupIn, subGroupWorld, type SubGroupWorld } from "./support/worlds";

/**
 * The partnership role bounds everything beneath it, and a change of role takes effect at
 * once: an observer never posts, comments, writes, leads, scores or manages, whatever the
 * rows beneath still say; becoming an observer (or leaving) ends those rows in the same
 * transaction, or is refused when that would leave something without a lead.
 */

const database = withTestDatabase();

const CAST = {
  officer: { name: "Olu Officer", organisation: "public", role: "OFFICER" },
  lead: { name: "Lee Lead", organisation: "public" },
  grace: { name: "Grace Adeyemi", organisation: "voluntary" },
  member: { name: "Mo Member", organisation: "voluntary" },
  observer: { name: "Obi Observer", role: "OBSERVER" },
} as const;

type World = SubGroupWorld<typeof CAST>;

/** Grace co-leads the sub-group with Lee, co-writes Lee's draft, sits on the round's panel and is on a running project's team. */
async function graceEverywhere(db: Database) {
  const w = (await subGroupWorld(db, { cast: CAST, tagNames: true, leads: ["lead", "grace"], members: ["member"] })) as World;
  const { people } = w;
  const { fund, round } = await fundWorld(w, { by: people.officer });
  const proposalId = await draftProposal(w, { lead: people.lead, coAuthors: [people.grace], roundId: round.id });
  await db.roundAssessor.create({ data: { roundId: round.id, userId: people.grace.userId, appointedById: people.officer.userId } });
  const award = await grantAward(w, { by: people.officer, fund, amountPence: 50_000 });
  const project = await fundedProject(w, {
    by: people.officer,
    award,
    startsOn: isoDay(-30),
    endsOn: isoDay(150),
    reportingFrequency: "MONTHLY",
    leadUserId: people.lead.userId,
    teamUserIds: [people.grace.userId],
  });
  const thread = await w.api("member").discussion.startThread({ subGroupId: w.subGroup.id, title: "Respite", body: "Who has ideas?" });
  return { ...w, fund, round, proposalId, project, threadId: thread.id };
}

async function demote(w: World, who: Actor, role: "OBSERVER" | "MEMBER" = "OBSERVER") {
  const membership = await w.db.membership.findFirstOrThrow({ where: { partnershipId: w.partnership.id, userId: who.userId } });
  return mutate(w.db, w.people.officer, "membership.changeRole", { membershipId: membership.id, role });
}

describe("a lead made an observer", () => {
  it("loses every lead, author, panel and team power at once, and keeps reading", async () => {
    const w = await graceEverywhere(database.db);
    const { db, people } = w;
    const grace = w.api(people.grace);
    // Before: Grace pins notes, makes leads and edits the draft.
    await grace.discussion.addNote({ subGroupId: w.subGroup.id, title: "Terms of reference", body: "We meet monthly.", pinned: true });

    const changed = await demote(w, people.grace);
    expect(changed.status).toBe(200);

    // Over HTTP, as she would send them: each refused, nothing written.
    const before = await db.subGroupNote.count();
    for (const [procedure, input] of [
      ["discussion.addNote", { subGroupId: w.subGroup.id, title: "Another note", body: "Still here" }],
      ["subGroup.setMemberRole", { subGroupId: w.subGroup.id, userId: people.member.userId, role: "LEAD" }],
      ["proposal.saveSection", { proposalId: w.proposalId, section: "need", content: { text: "Mine" }, baseVersion: 0 }],
      ["discussion.startThread", { subGroupId: w.subGroup.id, title: "New", body: "Hello" }],
      ["discussion.reply", { threadId: w.threadId, body: "Me too" }],
      ["project.saveUpdate", { projectId: w.project.id, periodId: w.project.periods[0]!.id }],
    ] as const) {
      const answer = await mutate(db, people.grace, procedure, input);
      expect([403, 404], procedure).toContain(answer.status);
      expect(answer.body.error?.json.message, procedure).toMatch(/./);
      expect(JSON.stringify(answer.body), procedure).not.toMatch(/prisma|SELECT|at \//i);
    }
    expect(await db.subGroupNote.count()).toBe(before);

    // The rows beneath ended in the same change.
    expect(await db.subGroupMembership.findUniqueOrThrow({ where: { subGroupId_userId: { subGroupId: w.subGroup.id, userId: people.grace.userId } } }))
      .toMatchObject({ role: "MEMBER" });
    expect(await db.proposalAuthor.count({ where: { proposalId: w.proposalId, userId: people.grace.userId } })).toBe(0);
    expect(await db.roundAssessor.count({ where: { roundId: w.round.id, userId: people.grace.userId } })).toBe(0);
    expect(await db.projectTeamMember.count({ where: { projectId: w.project.id, userId: people.grace.userId } })).toBe(0);

    // She still reads what is shared with her: the sub-group and its conversations.
    const group = await grace.subGroup.get({ subGroupId: w.subGroup.id });
    expect(group.viewer).toMatchObject({ canEdit: false, canManageMembers: false, canPropose: false, canSeeDiscussions: true });
    const threads = await grace.discussion.threads({ subGroupId: w.subGroup.id });
    expect(threads.viewer).toMatchObject({ canPost: false, canManageNotes: false });

    // The audit trail and Grace herself say what ended.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { partnershipId: w.partnership.id, action: "membership.role_changed" } });
    expect(audit.summary).toContain("Observer");
    expect(audit.summary).toContain(`no longer leads “${w.subGroup.name}”`);
    expect(audit.summary).toContain("no longer co-writes");
    expect(audit.summary).toContain("left the assessment panel");
    expect(audit.summary).toContain(`left the team of “${w.project.name}”`);
    const told = await db.notification.findFirstOrThrow({ where: { userId: people.grace.userId, kind: "ROLE_CHANGED" } });
    expect(told.body).toContain(`You no longer lead “${w.subGroup.name}”`);
  });

  it("keeps a panel seat whose scores were submitted: those scores count", async () => {
    const w = await graceEverywhere(database.db);
    const { db, people } = w;
    await db.proposal.update({ where: { id: w.proposalId }, data: { status: "UNDER_ASSESSMENT", roundId: w.round.id, submittedAt: new Date() } });
    await db.assessment.create({
      data: { proposalId: w.proposalId, assessorId: people.grace.userId, status: "SUBMITTED", scores: {}, weightedScore: 5000, submittedAt: new Date() },
    });
    expect((await demote(w, people.grace)).status).toBe(200);
    expect(await db.roundAssessor.count({ where: { roundId: w.round.id, userId: people.grace.userId } })).toBe(1);
    // ...but the seat gives an observer nothing to do.
    await expectFailure(w.api(people.grace).assessment.saveScores({ proposalId: w.proposalId, scores: [] }), "FORBIDDEN");
  });
});

describe("a change that would leave something without a lead", () => {
  it("is refused, naming what to hand over, and changes nothing; after the hand-over it goes through", async () => {
    const w = await graceEverywhere(database.db);
    const { db, people } = w;
    const solo = await subGroupIn(db, w.area, { name: `Dementia cafe ${w.slug}`, leads: [people.lead] });
    const leadsDraft = await draftProposal(w, { lead: people.lead, coAuthors: [people.member], title: "Memory walks" });

    const refused = await demote(w, people.lead);
    expect(refused.status).toBe(409);
    const message = refused.body.error!.json.message;
    expect(message).toContain(`make someone else a lead of “${solo.name}”`);
    expect(message).toContain(`hand the lead of “${w.project.name}” to someone else`);
    expect(message).toMatch(/make a co-author the lead author of .*“Memory walks”, or ask .* to withdraw them/);
    expect(message).toContain("Nothing was changed");
    expect(message).not.toContain(`lead of “${w.subGroup.name}”`); // Grace co-leads that one
    expect(await db.membership.findFirstOrThrow({ where: { partnershipId: w.partnership.id, userId: people.lead.userId } })).toMatchObject({
      role: "MEMBER",
    });
    expect(await db.subGroupMembership.count({ where: { userId: people.lead.userId, role: "LEAD" } })).toBe(2);

    // Hand everything over, then the change goes through.
    await w.api(people.lead).subGroup.setMemberRole({ subGroupId: solo.id, userId: people.member.userId, role: "LEAD" }).catch(async () => {
      await db.subGroupMembership.create({ data: { subGroupId: solo.id, userId: people.member.userId, role: "LEAD" } });
    });
    await w.api(people.officer).project.changeLead({ projectId: w.project.id, userId: people.grace.userId });
    await w.api(people.lead).proposal.changeLeadAuthor({ proposalId: leadsDraft, userId: people.member.userId });
    await w.api(people.lead).proposal.changeLeadAuthor({ proposalId: w.proposalId, userId: people.grace.userId });

    expect((await demote(w, people.lead)).status).toBe(200);
    expect(await db.projectTeamMember.findUniqueOrThrow({ where: { projectId_userId: { projectId: w.project.id, userId: people.grace.userId } } }))
      .toMatchObject({ role: "LEAD" });
    expect(await db.proposalAuthor.findUniqueOrThrow({ where: { proposalId_userId: { proposalId: leadsDraft, userId: people.member.userId } } }))
      .toMatchObject({ role: "LEAD" });
    const timeline = await w.api(people.member).proposal.timeline({ proposalId: leadsDraft });
    expect(timeline.map((entry) => entry.kind)).toContain("LEAD_AUTHOR_CHANGED");
  });

  it("refuses removing someone who is a sub-group's only lead, and removes everything beneath otherwise", async () => {
    const w = await graceEverywhere(database.db);
    const { db, people } = w;
    const solo = await subGroupIn(db, w.area, { name: `Men's shed ${w.slug}`, leads: [people.grace] });
    const membership = await db.membership.findFirstOrThrow({ where: { partnershipId: w.partnership.id, userId: people.grace.userId } });

    const refused = await mutate(db, people.officer, "membership.remove", { membershipId: membership.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error!.json.message).toMatch(new RegExp(`^Before you remove Grace Adeyemi .* from the partnership, make someone else a lead of “${solo.name}”`));
    expect(await db.membership.count({ where: { id: membership.id } })).toBe(1);

    await db.subGroupMembership.create({ data: { subGroupId: solo.id, userId: people.member.userId, role: "LEAD" } });
    expect((await mutate(db, people.officer, "membership.remove", { membershipId: membership.id })).status).toBe(200);
    expect(await db.subGroupMembership.count({ where: { userId: people.grace.userId } })).toBe(0);
    expect(await db.proposalAuthor.count({ where: { userId: people.grace.userId } })).toBe(0);
    expect(await db.roundAssessor.count({ where: { userId: people.grace.userId } })).toBe(0);
    expect(await db.projectTeamMember.count({ where: { userId: people.grace.userId } })).toBe(0);
    // She is told, and whatever she tries now looks like nothing at all.
    expect(await db.notification.count({ where: { userId: people.grace.userId, title: { contains: "no longer a member" } } })).toBe(1);
    await expectFailure(w.api(people.grace).subGroup.get({ subGroupId: w.subGroup.id }), "NOT_FOUND");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { partnershipId: w.partnership.id, action: "membership.removed" } });
    expect(audit.summary).toContain(`left “${w.subGroup.name}”`);
  });

  it("changes nothing beneath when the new role still takes part", async () => {
    const w = await graceEverywhere(database.db);
    const { db, people } = w;
    expect((await demote(w, people.grace, "MEMBER")).status).toBe(200); // already a member: no change
    const officerMembership = await db.membership.findFirstOrThrow({ where: { partnershipId: w.partnership.id, userId: people.grace.userId } });
    await db.membership.update({ where: { id: officerMembership.id }, data: { role: "CHAIR" } });
    expect((await demote(w, people.grace, "MEMBER")).status).toBe(200);
    expect(await db.subGroupMembership.count({ where: { userId: people.grace.userId, role: "LEAD" } })).toBe(1);
    expect(await db.proposalAuthor.count({ where: { userId: people.grace.userId } })).toBe(1);
  });
});

describe("an observer over HTTP", () => {
  it("has every write refused but answering what is addressed to them and leaving, with nothing written", async () => {
    const w = await graceEverywhere(database.db);
    const { db, people } = w;
    // The observer is still recorded, beneath the partnership, as if they took part: the
    // partnership role must bound all of it.
    await db.subGroupMembership.create({ data: { subGroupId: w.subGroup.id, userId: people.observer.userId, role: "LEAD" } });
    await db.proposalAuthor.create({ data: { proposalId: w.proposalId, userId: people.observer.userId, role: "CO_AUTHOR" } });
    await db.projectTeamMember.create({ data: { projectId: w.project.id, userId: people.observer.userId, role: "MEMBER" } });
    const event = await w.api(people.officer).event.create({
      partnershipSlug: w.slug,
      kind: "WORKSHOP",
      title: "Co-design workshop",
      startsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      endsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000 + 3600 * 1000),
      venueName: "Library",
    });
    await db.event.update({ where: { id: event.id }, data: { createdById: people.observer.userId } });
    const story = await w.api(people.member).story.create({ partnershipSlug: w.slug, title: "Our cafe", summary: "", body: "It works.", themes: [] });
    await db.story.update({ where: { id: story.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    const note = await w.api(people.lead).discussion.addNote({ subGroupId: w.subGroup.id, title: "Terms", body: "Monthly", pinned: false });
    const survey = await w.api(people.officer).reflection.create({
      partnershipSlug: w.slug,
      templateKey: "team-chat",
      title: "Team chat",
      audience: "PARTNERSHIP",
      anonymity: "NAMED",
      closesOn: isoDay(14),
    });
    const locality = await w.api(people.officer).partnership.addLocality({ partnershipSlug: w.slug, name: "West" });
    const invitation = await w.api(people.officer).invitation.create({ partnershipSlug: w.slug, email: `new-${w.slug}@example.org`, role: "MEMBER" });
    const memberMembership = w.memberships.member!;
    const ids = {
      partnershipSlug: w.slug,
      storyId: story.id,
      noteId: note.id,
      surveyId: survey.id,
      localityId: locality.id,
      invitationId: invitation.id,
      membershipId: memberMembership,
      awardId: (await db.fundedProject.findUniqueOrThrow({ where: { id: w.project.id } })).awardId,
      subGroupId: w.subGroup.id,
      threadId: w.threadId,
      proposalId: w.proposalId,
      projectId: w.project.id,
      fundId: w.fund.id,
      roundId: w.round.id,
      eventId: event.id,
      priorityAreaId: w.area.id,
      userId: people.member.userId,
    };
    const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
      .filter(([, procedure]) => procedure._def.type === "mutation")
      .map(([path]) => path);
    const addressedToThem = ["event.rsvp", "event.cancelRsvp", "reflection.respond", "subGroup.leave"];
    const counts = async () =>
      JSON.stringify(
        await Promise.all([
          db.subGroupNote.count(),
          db.thread.count(),
          db.reply.count(),
          db.proposalRevision.count(),
          db.proposalComment.count(),
          db.ledgerEntry.count(),
          db.event.findUniqueOrThrow({ where: { id: event.id } }),
          db.subGroupMembership.count({ where: { subGroupId: w.subGroup.id } }),
          db.progressUpdate.count(),
          db.story.count(),
          db.auditEvent.count(),
        ]),
      );
    const before = await counts();
    let refused = 0;
    for (const path of mutations) {
      if (addressedToThem.includes(path)) continue;
      // The policy decides before anything is read from the body beyond the id it names.
      const rule = ruleFor(path);
      if (rule?.kind !== "scoped") continue; // the actor's own profile and notifications
      const answer = await mutate(db, people.observer, path, { ...ids, title: "x", body: "x" });
      // A resource we named is refused for their role (403); one we could not name is not found.
      const expected = Object.hasOwn(ids, rule.via) ? [403] : [403, 404];
      expect(expected, `${path} answered ${answer.status}: ${answer.body.error?.json.message}`).toContain(answer.status);
      expect(JSON.stringify(answer.body), path).not.toMatch(/prisma|SELECT |\bat \/|node_modules/i);
      refused += 1;
    }
    expect(refused).toBeGreaterThan(70);
    expect(await counts()).toBe(before);
  });
});
