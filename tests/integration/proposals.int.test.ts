import { describe, expect, it } from "vitest";
import type { SaveSectionInput, SectionContent } from "@/lib/schemas/proposals";
import { authorize } from "@/server/auth/resolve";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { saveSection } from "@/server/domain/proposals/save-section";
import { withTestDatabase } from "./support/database";
import { createPriorityArea, unique } from "./support/factories";
import {
  completeProposalContent,
  draftProposal,
  fundingRound,
  fundWorld,
  type RoundSpec,
  submittedProposal,
  subGroupWorld,
  writeSections,
} from "./support/worlds";
import { expectFailure } from "./support/expect";
import { mutate } from "./support/http";

const database = withTestDatabase();
const DAY = 24 * 3600 * 1000;

/**
 * A partnership with a sub-group writing proposals, and people in every position:
 * - lead: lead author, in the sub-group (charity)
 * - coAuthor: from the council, NOT in the sub-group: becomes a co-author
 * - subLead: leads the sub-group; member: another sub-group member
 * - bystander: partnership member outside the sub-group, no part in the proposal
 * - officer; observer (an observer who is in the sub-group)
 * The private organisation takes no part in the partnership.
 */
async function world(db: Database) {
  const w = await subGroupWorld(db, {
    cast: {
      lead: { name: "Priya Nair", organisation: "voluntary" },
      coAuthor: { name: "Colin Council", organisation: "public" },
      subLead: { name: "Lena Lead", organisation: "public" },
      member: { name: "Mo Member", organisation: "voluntary" },
      bystander: { name: "Bea Bystander", organisation: "voluntary" },
      officer: { name: "Olu Officer", organisation: "public", role: "OFFICER" },
      observer: { name: "Obi Observer", role: "OBSERVER" },
    },
    tagNames: true,
    organisations: { voluntary: { name: "Carers Trust" }, private: { name: "Elsewhere Ltd" } },
    area: { title: "Carers", description: "Unpaid carers", outcomesSought: "Breaks" },
    subGroup: { name: `Short breaks ${unique()}`, purpose: "Test short breaks" },
    leads: ["subLead"],
    members: ["lead", "member", "observer"],
  });
  const otherArea = await createPriorityArea(db, w.partnership.id, {
    title: "Frailty",
    description: "Older people",
    outcomesSought: "Fewer falls",
    position: 1,
  });
  const { fund } = await fundWorld(w, { by: w.people.officer, fund: { name: "Non-recurring fund", totalPence: 10_000_000 }, round: null });
  const round = (title: string, spec: RoundSpec = {}) => fundingRound(db, fund.id, { title, minAwardPence: 100_000, ...spec });
  const rounds = {
    round: await round("Round 1", { priorityAreaIds: [w.area.id] }),
    strictRound: await round("Strict round", { allowsChangesAfterSubmission: false }),
    closedRound: await round("Closed round", { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - DAY) }),
    draftRound: await round("Planned round", { status: "DRAFT" }),
    frailtyRound: await round("Frailty round", { priorityAreaIds: [otherArea.id] }),
  };
  return { ...w, fund, rounds };
}
type World = Awaited<ReturnType<typeof world>>;

/** A proposal started by `lead` with `coAuthor` added, for Round 1 unless told. */
const proposalIn = (w: World, options: { roundId?: string; title?: string } = {}) =>
  draftProposal(w, { lead: w.people.lead, coAuthors: [w.people.coAuthor], roundId: w.rounds.round.id, ...options });

/** The same, written in full and submitted by the lead. */
const submittedIn = (w: World, options: { roundId?: string } = {}) =>
  submittedProposal(w, { lead: w.people.lead, coAuthors: [w.people.coAuthor], roundId: w.rounds.round.id, ...options });

/** Saves sections (from their current versions) as `who`. */
const fill = (w: World, proposalId: string, content: Partial<SectionContent>, who: keyof World["people"] = "lead") =>
  writeSections(w, w.people[who], proposalId, content);

/** Everything a proposal's actions write, to prove a refusal wrote nothing. */
async function proposalFingerprint(db: Database, proposalId: string) {
  const [proposal, authors, sections, revisions, events, comments, activity, notifications] = await Promise.all([
    db.proposal.findUnique({ where: { id: proposalId } }),
    db.proposalAuthor.findMany({ where: { proposalId }, orderBy: { userId: "asc" } }),
    db.proposalSection.findMany({ where: { proposalId }, orderBy: { key: "asc" } }),
    db.proposalRevision.findMany({ where: { proposalId }, orderBy: { number: "asc" } }),
    db.proposalEvent.findMany({ where: { proposalId }, orderBy: { id: "asc" } }),
    db.proposalComment.findMany({ where: { proposalId }, orderBy: { id: "asc" } }),
    db.activity.findMany({ where: { linkPath: { contains: proposalId } }, orderBy: { id: "asc" } }),
    db.notification.findMany({ where: { linkPath: { contains: proposalId } }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ proposal, authors, sections, revisions, events, comments, activity, notifications });
}

/** What the policy proves for `actor` on a proposal: lets a test call a domain function with its own clock. */
async function accessFor(db: Database, actor: Actor, procedure: string, proposalId: string) {
  const grant = await authorize(db, actor, procedure, { proposalId });
  return { actor, membership: grant.membership!, subGroup: grant.subGroup!, proposal: grant.proposal! };
}

describe("starting proposals", () => {
  it("lists the rounds open to the sub-group: open, not past closing, and funding its priority area", async () => {
    const w = await world(database.db);
    const rounds = await w.api("member").proposal.openRounds({ subGroupId: w.subGroup.id });
    expect(rounds.map((round) => round.title)).toEqual(["Round 1", "Strict round"]);
    expect(rounds[0]).toEqual({
      id: w.rounds.round.id,
      title: "Round 1",
      closesAt: w.rounds.round.closesAt,
      minAwardPence: 100_000,
      maxAwardPence: 1_000_000,
      fundName: "Non-recurring fund",
    });
  });

  it("creates the proposal, its lead author, the title as revision 1, an event and a feed entry", async () => {
    const w = await world(database.db);
    const db = database.db;
    const { id } = await w.api("lead").proposal.create({ subGroupId: w.subGroup.id, title: "  Evening respite  ", roundId: w.rounds.round.id });
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id }, include: { authors: true, sections: true, revisions: true, events: true } });
    expect(proposal).toMatchObject({
      title: "Evening respite",
      status: "DRAFT",
      revision: 1,
      roundId: w.rounds.round.id,
      partnershipId: w.partnership.id,
      subGroupId: w.subGroup.id,
      createdById: w.people.lead.userId,
    });
    expect(proposal.authors).toMatchObject([{ userId: w.people.lead.userId, role: "LEAD" }]);
    expect(proposal.sections).toMatchObject([{ key: "title", version: 1, content: { text: "Evening respite" } }]);
    expect(proposal.revisions).toMatchObject([{ number: 1, sectionKey: "title", sectionVersion: 1, authorId: w.people.lead.userId }]);
    expect(proposal.events).toMatchObject([{ kind: "CREATED", actorId: w.people.lead.userId }]);
    expect(proposal.events[0]!.summary).toBe(`${w.people.lead.name} started the proposal “Evening respite” for “Round 1”`);
    const activity = await db.activity.findMany({ where: { subGroupId: w.subGroup.id } });
    expect(activity).toMatchObject([
      {
        kind: "PROPOSAL_STARTED",
        actorId: w.people.lead.userId,
        summary: `${w.people.lead.name} started a proposal: “Evening respite”`,
        linkPath: `/p/${w.partnership.slug}/proposals/${id}`,
      },
    ]);

    const list = await w.api("subLead").proposal.forSubGroup({ subGroupId: w.subGroup.id });
    expect(list).toEqual([
      {
        id,
        title: "Evening respite",
        status: "DRAFT",
        requestedPence: 0,
        updatedAt: proposal.updatedAt,
        revision: 1,
        round: { id: w.rounds.round.id, title: "Round 1" },
        authors: [{ userId: w.people.lead.userId, name: w.people.lead.name, role: "LEAD" }],
      },
    ]);
  });

  it("refuses a round that is closed, not open yet, or for another priority area, writing nothing", async () => {
    const w = await world(database.db);
    for (const round of [w.rounds.closedRound, w.rounds.draftRound, w.rounds.frailtyRound]) {
      const error = await expectFailure(
        w.api("lead").proposal.create({ subGroupId: w.subGroup.id, title: "Too late", roundId: round.id }),
        "BAD_REQUEST",
        "That funding round is not open to this sub-group's proposals.",
      );
      expect(error.cause).toMatchObject({ fieldErrors: { roundId: [expect.stringContaining("Choose one of the rounds")] } });
    }
    expect(await database.db.proposal.count({ where: { subGroupId: w.subGroup.id } })).toBe(0);
  });

  it("does not let an observer start a proposal, even one in the sub-group", async () => {
    const w = await world(database.db);
    await expectFailure(
      w.api("observer").proposal.create({ subGroupId: w.subGroup.id, title: "Observer's idea" }),
      "FORBIDDEN",
      /^Observers read what the partnership shares with them, but do not post/,
    );
    // Officers read and decide; they start proposals only from inside a sub-group.
    await expectFailure(w.api("officer").proposal.create({ subGroupId: w.subGroup.id, title: "Officer's idea" }), "FORBIDDEN");
    expect(await database.db.proposal.count({ where: { subGroupId: w.subGroup.id } })).toBe(0);
    expect(await database.db.activity.count({ where: { subGroupId: w.subGroup.id } })).toBe(0);
  });
});

describe("who may read and write a proposal", () => {
  it("lets a co-author from another organisation, outside the sub-group, read and edit", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const view = await w.api("coAuthor").proposal.get({ proposalId });
    expect(view.authors.map((author) => [author.name, author.role, author.organisationName, author.sector])).toEqual([
      [w.people.lead.name, "LEAD", w.organisations.voluntary.name, "VOLUNTARY"],
      [w.people.coAuthor.name, "CO_AUTHOR", w.organisations.public.name, "PUBLIC"],
    ]);
    expect(view.viewer).toEqual({
      canEdit: true,
      canSubmit: true,
      canReturnToDraft: false,
      canWithdraw: false,
      canComment: true,
      canManageCoAuthors: false,
      canChangeLeadAuthor: false,
      canDecide: false,
      isAssessor: false,
    });
    const saved = await w.api("coAuthor").proposal.saveSection({
      proposalId,
      section: "need",
      content: { text: "Council data shows 3,000 carers with no break." },
      baseVersion: 0,
    });
    expect(saved).toMatchObject({ status: "saved", version: 1, revision: 2, requestedPence: 0 });
    const after = await w.api("lead").proposal.get({ proposalId });
    expect(after.sections.need).toMatchObject({
      content: { text: "Council data shows 3,000 carers with no break." },
      version: 1,
      updatedBy: { id: w.people.coAuthor.userId, name: w.people.coAuthor.name },
    });
    const mine = await w.api("coAuthor").proposal.mine({ partnershipSlug: w.partnership.slug });
    expect(mine).toMatchObject([{ id: proposalId, myRole: "CO_AUTHOR", subGroup: { id: w.subGroup.id, name: w.subGroup.name } }]);
  });

  it("hides a draft from a partnership member outside the sub-group who is not an author", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    await expectFailure(w.api("bystander").proposal.get({ proposalId }), "NOT_FOUND");
    await expectFailure(w.api("bystander").proposal.timeline({ proposalId }), "NOT_FOUND");
    await expectFailure(
      w.api("bystander").proposal.saveSection({ proposalId, section: "need", content: { text: "x" }, baseVersion: 0 }),
      "NOT_FOUND",
    );
    expect(await w.api("bystander").proposal.mine({ partnershipSlug: w.partnership.slug })).toEqual([]);
  });

  it("gives sub-group members and officers reading and commenting, but not editing", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const asMember = await w.api("member").proposal.get({ proposalId });
    expect(asMember.viewer).toMatchObject({ canEdit: false, canSubmit: false, canComment: true, canWithdraw: false, canDecide: false });
    const asOfficer = await w.api("officer").proposal.get({ proposalId });
    expect(asOfficer.viewer).toMatchObject({ canEdit: false, canComment: true, canDecide: false });
    await expectFailure(
      w.api("member").proposal.saveSection({ proposalId, section: "need", content: { text: "x" }, baseVersion: 0 }),
      "FORBIDDEN",
    );
    const asLead = await w.api("lead").proposal.get({ proposalId });
    expect(asLead.viewer).toMatchObject({ canEdit: true, canWithdraw: true, canManageCoAuthors: true });
    expect(asLead.organisations.map((organisation) => organisation.id).sort()).toEqual(
      [w.organisations.voluntary.id, w.organisations.public.id].sort(),
    );
  });
});

describe("the proposal under assessment", () => {
  it("shows the panel the proposal without the authors' comments, lets an officer decide, and shows the decision and award", async () => {
    const w = await world(database.db);
    const db = database.db;
    const proposalId = await proposalIn(w);
    await fill(w, proposalId, completeProposalContent(w));
    await w.api("member").proposal.comment({ proposalId, section: "need", body: "Add the survey figures." });
    await w.api("lead").proposal.submit({ proposalId });
    await db.roundAssessor.create({
      data: { roundId: w.rounds.round.id, userId: w.people.bystander.userId, appointedById: w.people.officer.userId },
    });
    const asAssessor = await w.api("bystander").proposal.get({ proposalId });
    expect(asAssessor.viewer).toEqual({
      canEdit: false,
      canSubmit: false,
      canReturnToDraft: false,
      canWithdraw: false,
      canComment: false,
      canManageCoAuthors: false,
      canChangeLeadAuthor: false,
      canDecide: false,
      isAssessor: true,
    });
    expect(asAssessor.comments.need).toEqual([]);
    expect(asAssessor.sections.need.content).toEqual({ text: "Carers told us they have no time off." });
    expect(asAssessor.missing).toEqual([]);
    await expectFailure(w.api("bystander").proposal.comment({ proposalId, section: "need", body: "Hmm" }), "FORBIDDEN");

    await db.proposal.update({ where: { id: proposalId }, data: { status: "UNDER_ASSESSMENT" } });
    expect((await w.api("officer").proposal.get({ proposalId })).viewer).toMatchObject({ canDecide: true, canEdit: false });
    expect((await w.api("lead").proposal.get({ proposalId })).viewer).toMatchObject({
      canDecide: false,
      canWithdraw: true,
      canReturnToDraft: false,
      canManageCoAuthors: false,
    });

    const decidedAt = new Date("2021-04-20T10:00:00Z");
    await db.proposal.update({ where: { id: proposalId }, data: { status: "APPROVED" } });
    await db.proposalDecision.create({
      data: { proposalId, outcome: "APPROVED", reason: "Strong partnership", decidedById: w.people.officer.userId, decidedAt },
    });
    const award = await db.award.create({
      data: {
        fundId: w.fund.id,
        roundId: w.rounds.round.id,
        proposalId,
        projectName: "Carers' short breaks test",
        recipientName: w.organisations.voluntary.name,
        createdById: w.people.officer.userId,
      },
    });
    const view = await w.api("coAuthor").proposal.get({ proposalId });
    expect(view.decision).toEqual({ outcome: "APPROVED", reason: "Strong partnership", decidedAt, decidedBy: { name: w.people.officer.name } });
    expect(view.award).toEqual({ id: award.id, fundId: w.fund.id, awardedPence: 0, paidPence: 0, status: "ACTIVE" });
    expect(view.round).toMatchObject({ id: w.rounds.round.id, effectiveStatus: "OPEN", fundId: w.fund.id, allowsChangesAfterSubmission: true });
    expect(view.round!.requiredSections).toHaveLength(11);
    expect(view.viewer).toMatchObject({ canEdit: false, canWithdraw: false, canDecide: false });
  });
});

describe("co-authors", () => {
  it("adds a co-author from any organisation, tells them, and lists only who is left", async () => {
    const w = await world(database.db);
    const { id: proposalId } = await w.api("lead").proposal.create({ subGroupId: w.subGroup.id, title: "Peer support" });
    const before = await w.api("lead").proposal.coAuthorCandidates({ proposalId });
    const names = before.map((candidate) => candidate.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-GB")));
    expect(names).toContain(w.people.coAuthor.name);
    expect(names).toContain(w.people.officer.name);
    expect(names).not.toContain(w.people.lead.name);
    expect(names).not.toContain(w.people.observer.name);

    const added = await w.api("lead").proposal.addCoAuthor({ proposalId, userId: w.people.coAuthor.userId });
    expect(added).toMatchObject({
      userId: w.people.coAuthor.userId,
      name: w.people.coAuthor.name,
      organisationName: w.organisations.public.name,
      sector: "PUBLIC",
      role: "CO_AUTHOR",
    });
    const notifications = await database.db.notification.findMany({ where: { userId: w.people.coAuthor.userId } });
    expect(notifications).toMatchObject([
      {
        kind: "CO_AUTHOR_ADDED",
        title: `${w.people.lead.name} added you as a co-author of “Peer support”`,
        linkPath: `/p/${w.partnership.slug}/proposals/${proposalId}/edit`,
      },
    ]);
    const after = await w.api("lead").proposal.coAuthorCandidates({ proposalId });
    expect(after.map((candidate) => candidate.userId)).not.toContain(w.people.coAuthor.userId);
    expect(after).toHaveLength(before.length - 1);

    await expectFailure(
      w.api("lead").proposal.addCoAuthor({ proposalId, userId: w.people.coAuthor.userId }),
      "CONFLICT",
      `${w.people.coAuthor.name} is already an author of this proposal.`,
    );
    await expectFailure(w.api("lead").proposal.addCoAuthor({ proposalId, userId: w.people.observer.userId }), "BAD_REQUEST");
  });

  it("lets only the lead author manage co-authors, never removing the lead", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    await expectFailure(
      w.api("coAuthor").proposal.addCoAuthor({ proposalId, userId: w.people.member.userId }),
      "FORBIDDEN",
    );
    await expectFailure(
      w.api("lead").proposal.removeCoAuthor({ proposalId, userId: w.people.lead.userId }),
      "CONFLICT",
      "The lead author cannot be removed from the proposal.",
    );
    expect(await w.api("lead").proposal.removeCoAuthor({ proposalId, userId: w.people.coAuthor.userId })).toEqual({
      userId: w.people.coAuthor.userId,
    });
    // Removed: they can no longer see the draft (they were never in the sub-group).
    await expectFailure(w.api("coAuthor").proposal.get({ proposalId }), "NOT_FOUND");
    const kinds = (await w.api("lead").proposal.timeline({ proposalId })).map((entry) => entry.kind);
    expect(kinds).toEqual(["CREATED", "CO_AUTHOR_JOINED", "CO_AUTHOR_REMOVED"]);
  });
});

describe("saving sections", () => {
  it("lets exactly one of two simultaneous saves from the same version win; the other sees its content", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const save = (who: "lead" | "coAuthor", text: string, baseVersion: number) =>
      w.api(who).proposal.saveSection({ proposalId, section: "need", content: { text }, baseVersion });

    const results = await Promise.all([save("lead", "Carers have no breaks.", 0), save("coAuthor", "Carers are exhausted.", 0)]);
    const saved = results.filter((result) => result.status === "saved");
    const conflicts = results.filter((result) => result.status === "conflict");
    expect(saved).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const winner = results[0]!.status === "saved" ? "lead" : "coAuthor";
    const winningText = winner === "lead" ? "Carers have no breaks." : "Carers are exhausted.";
    expect(saved[0]).toMatchObject({ status: "saved", version: 1, revision: 2 });
    const conflict = conflicts[0]!;
    if (conflict.status !== "conflict") throw new Error("expected a conflict");
    expect(conflict.current).toMatchObject({
      content: { text: winningText },
      version: 1,
      updatedBy: { id: w.people[winner].userId, name: w.people[winner].name },
    });

    // The loser merges and saves on top of the new version.
    const loser = winner === "lead" ? "coAuthor" : "lead";
    const merged = await save(loser, `${winningText} They are exhausted.`, conflict.current.version);
    expect(merged).toMatchObject({ status: "saved", version: 2, revision: 3 });

    const revisions = await w.api("lead").proposal.revisions({ proposalId });
    expect(revisions.map((revision) => [revision.number, revision.section, revision.author.id])).toEqual([
      [3, "need", w.people[loser].userId],
      [2, "need", w.people[winner].userId],
      [1, "title", w.people.lead.userId],
    ]);
    expect(await database.db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { revision: true } })).toEqual({ revision: 3 });
  });

  it("writes no revision for a save that changes nothing", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const first = await w.api("lead").proposal.saveSection({ proposalId, section: "risks", content: { text: "Low uptake." }, baseVersion: 0 });
    expect(first).toMatchObject({ status: "saved", version: 1, revision: 2 });
    const again = await w.api("lead").proposal.saveSection({ proposalId, section: "risks", content: { text: "Low uptake." }, baseVersion: 1 });
    expect(again).toMatchObject({ status: "saved", version: 1, revision: 2 });
    expect(await database.db.proposalRevision.count({ where: { proposalId } })).toBe(2);
  });

  it("keeps the copies on the proposal: title, amount asked for, lead and partners (lead included)", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const { voluntary: charity, public: council } = w.organisations;
    await fill(w, proposalId, {
      title: { text: "Weekend breaks" },
      partners: { leadOrganisationId: charity.id, organisationIds: [council.id] },
    });
    const budget = await w.api("lead").proposal.saveSection({
      proposalId,
      section: "budget",
      content: {
        lines: [
          { id: "b1", item: "Sitters", amountPence: 250_050, organisationId: charity.id },
          { id: "b2", item: "Room", amountPence: 49_950, organisationId: council.id },
        ],
      },
      baseVersion: 0,
    });
    expect(budget).toMatchObject({ status: "saved", requestedPence: 300_000 });
    const proposal = await database.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({
      title: "Weekend breaks",
      requestedPence: 300_000,
      leadOrganisationId: charity.id,
      partnerOrganisationIds: [charity.id, council.id],
    });
    const view = await w.api("lead").proposal.get({ proposalId });
    expect(view.sections.partners.content).toEqual({ leadOrganisationId: charity.id, organisationIds: [charity.id, council.id] });
    expect(view.requestedPence).toBe(300_000);
  });

  it("refuses organisations outside the partnership, naming the field, and writes nothing", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const before = await proposalFingerprint(database.db, proposalId);
    const { status, body } = await mutate(database.db, w.people.lead, "proposal.saveSection", {
      proposalId,
      section: "budget",
      content: { lines: [{ id: "b1", item: "Sitters", amountPence: 100, organisationId: w.organisations.private.id }] },
      baseVersion: 0,
    });
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe("Choose organisations that are part of this partnership.");
    expect(body.error?.json.data.fieldErrors).toEqual({ "content.lines.0.organisationId": ["Choose an organisation in this partnership."] });
    await expectFailure(
      w.api("lead").proposal.saveSection({
        proposalId,
        section: "partners",
        content: { leadOrganisationId: w.organisations.private.id, organisationIds: [] },
        baseVersion: 0,
      }),
      "BAD_REQUEST",
    );
    expect(await proposalFingerprint(database.db, proposalId)).toBe(before);
  });

  it("refuses to change a submitted proposal", async () => {
    const w = await world(database.db);
    const proposalId = await submittedIn(w);
    const view = await w.api("coAuthor").proposal.get({ proposalId });
    await expectFailure(
      w.api("coAuthor").proposal.saveSection({ proposalId, section: "risks", content: { text: "New risk" }, baseVersion: view.sections.risks.version }),
      "CONFLICT",
      "This proposal has been submitted. Take it back to draft to change it.",
    );
  });
});

describe("comments", () => {
  it("notifies every author except the commenter, linking to the section", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const db = database.db;
    const byMember = await w.api("member").proposal.comment({ proposalId, section: "budget", body: "  Is £6,000 enough?  " });
    expect(byMember).toMatchObject({ body: "Is £6,000 enough?", section: "budget", author: { id: w.people.member.userId, name: w.people.member.name } });
    const link = `/p/${w.partnership.slug}/proposals/${proposalId}#section-budget`;
    const told = await db.notification.findMany({ where: { linkPath: link }, orderBy: { userId: "asc" } });
    expect(told.map((notification) => notification.userId).sort()).toEqual([w.people.lead.userId, w.people.coAuthor.userId].sort());
    expect(told[0]).toMatchObject({
      kind: "PROPOSAL_COMMENT",
      title: `${w.people.member.name} commented on “Budget” in “Carers' short breaks test”`,
      body: "Is £6,000 enough?",
    });

    // An author commenting tells the other author only.
    await w.api("lead").proposal.comment({ proposalId, section: "budget", body: "Yes, we checked." });
    const toLead = await db.notification.count({ where: { userId: w.people.lead.userId, kind: "PROPOSAL_COMMENT" } });
    const toCoAuthor = await db.notification.count({ where: { userId: w.people.coAuthor.userId, kind: "PROPOSAL_COMMENT" } });
    expect([toLead, toCoAuthor]).toEqual([1, 2]);
    expect(await db.notification.count({ where: { userId: w.people.member.userId } })).toBe(0);

    const view = await w.api("coAuthor").proposal.get({ proposalId });
    expect(view.comments.budget.map((comment) => [comment.author.name, comment.body])).toEqual([
      [w.people.member.name, "Is £6,000 enough?"],
      [w.people.lead.name, "Yes, we checked."],
    ]);
    expect(view.comments.need).toEqual([]);
  });
});

describe("submitting", () => {
  it("lists everything missing from an incomplete proposal and writes nothing", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    await fill(w, proposalId, { summary: { text: "Short breaks." }, duration: { months: 6 } });
    const before = await proposalFingerprint(database.db, proposalId);
    const { status, body } = await mutate(database.db, w.people.coAuthor, "proposal.submit", { proposalId });
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe("This proposal is not ready to submit: 8 things need attention.");
    expect(body.error?.json.data.fieldErrors).toEqual({
      need: ["Write about the need this proposal meets."],
      hypothesis: ["Write what you are testing and how you will know it worked."],
      measures: ["Add at least one success measure, with a target."],
      activities: ["Add at least one activity to the timeline."],
      partners: ["Choose the lead organisation, which would receive any award."],
      budget: ["Add at least one budget line."],
      sustainability: ["Write how the project would carry on or grow after the funding."],
      risks: ["Write about the risks and how you will manage them."],
    });
    expect(await proposalFingerprint(database.db, proposalId)).toBe(before);
    const view = await w.api("lead").proposal.get({ proposalId });
    expect(view.missing.map((item) => item.section)).toEqual([
      "need",
      "hypothesis",
      "measures",
      "activities",
      "partners",
      "budget",
      "sustainability",
      "risks",
    ]);
  });

  it("refuses a budget above the round's maximum, naming both amounts", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    const content = completeProposalContent(w);
    content.budget.lines[0]!.amountPence = 1_000_000; // £10,000 + £2,000 = £12,000 against a £10,000 maximum
    await fill(w, proposalId, content);
    const { status, body } = await mutate(database.db, w.people.lead, "proposal.submit", { proposalId });
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe("This proposal is not ready to submit: 1 thing needs attention.");
    expect(body.error?.json.data.fieldErrors).toEqual({
      budget: ["The budget of £12,000.00 is above this round's maximum of £10,000.00."],
    });
    expect((await database.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("DRAFT");
  });

  it("submits a complete proposal: status, time, event and feed entry", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    await fill(w, proposalId, completeProposalContent(w));
    expect((await w.api("lead").proposal.get({ proposalId })).missing).toEqual([]);
    const result = await w.api("coAuthor").proposal.submit({ proposalId });
    expect(result.status).toBe("SUBMITTED");
    const proposal = await database.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({ status: "SUBMITTED", submittedAt: result.submittedAt, requestedPence: 800_000 });
    const activity = await database.db.activity.findMany({ where: { subGroupId: w.subGroup.id, kind: "PROPOSAL_SUBMITTED" } });
    expect(activity).toMatchObject([
      { summary: `${w.people.coAuthor.name} submitted “Carers' short breaks test” to “Round 1”`, linkPath: `/p/${w.partnership.slug}/proposals/${proposalId}` },
    ]);
    const timeline = await w.api("lead").proposal.timeline({ proposalId });
    expect(timeline.at(-1)).toMatchObject({ kind: "SUBMITTED", summary: `${w.people.coAuthor.name} submitted the proposal to “Round 1”` });
    await expectFailure(w.api("lead").proposal.submit({ proposalId }), "CONFLICT", "This proposal has already been submitted.");
  });

  it("applies the round's partner-sector rule, naming the missing sector once", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w);
    await fill(w, proposalId, completeProposalContent(w));
    await database.db.fundingRound.update({
      where: { id: w.rounds.round.id },
      data: { requiredPartnerSectors: ["VOLUNTARY", "PRIVATE"] },
    });
    const message =
      "This round needs a voluntary-sector and a private-sector partner among the proposal’s organisations. Add a private-sector partner in Partners.";
    const view = await w.api("lead").proposal.get({ proposalId });
    expect(view.missing).toEqual([{ section: "partners", message }]);
    const { status, body } = await mutate(database.db, w.people.lead, "proposal.submit", { proposalId });
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe("This proposal is not ready to submit: 1 thing needs attention.");
    expect(body.error?.json.data.fieldErrors).toEqual({ partners: [message] });
    expect((await database.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("DRAFT");

    // The council partner and the authors' organisations meet a voluntary-and-public rule.
    await database.db.fundingRound.update({
      where: { id: w.rounds.round.id },
      data: { requiredPartnerSectors: ["VOLUNTARY", "PUBLIC"] },
    });
    expect((await w.api("lead").proposal.submit({ proposalId })).status).toBe("SUBMITTED");
  });

  it("needs a round chosen, and lets a draft change its round only to an open one", async () => {
    const w = await world(database.db);
    const proposalId = await draftProposal(w, { lead: w.people.lead, title: "No round yet" });
    await fill(w, proposalId, completeProposalContent(w));
    const error = await expectFailure(w.api("lead").proposal.submit({ proposalId }), "BAD_REQUEST");
    expect(error.cause).toMatchObject({ fieldErrors: { round: ["Choose the funding round this proposal is for."] } });
    await expectFailure(w.api("lead").proposal.chooseRound({ proposalId, roundId: w.rounds.closedRound.id }), "BAD_REQUEST");
    expect(await w.api("lead").proposal.chooseRound({ proposalId, roundId: w.rounds.strictRound.id })).toEqual({
      roundId: w.rounds.strictRound.id,
    });
    expect((await w.api("lead").proposal.submit({ proposalId })).status).toBe("SUBMITTED");
    await expectFailure(w.api("lead").proposal.chooseRound({ proposalId, roundId: w.rounds.round.id }), "CONFLICT");
  });
});

describe("returning to draft and withdrawing", () => {
  it("returns to draft before the deadline, clearing the submission time", async () => {
    const w = await world(database.db);
    const proposalId = await submittedIn(w);
    expect((await w.api("coAuthor").proposal.get({ proposalId })).viewer.canReturnToDraft).toBe(true);
    expect(await w.api("coAuthor").proposal.returnToDraft({ proposalId })).toEqual({ status: "DRAFT" });
    expect(await database.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "DRAFT", submittedAt: null });
    const last = (await w.api("lead").proposal.timeline({ proposalId })).at(-1);
    expect(last).toMatchObject({ kind: "RETURNED_TO_DRAFT", actor: { id: w.people.coAuthor.userId } });
  });

  it("refuses after the deadline, saying when the round closed", async () => {
    const w = await world(database.db);
    const proposalId = await submittedIn(w);
    const closesAt = new Date("2021-03-31T16:00:00Z");
    await database.db.fundingRound.update({ where: { id: w.rounds.round.id }, data: { opensAt: new Date("2021-03-01T09:00:00Z"), closesAt } });
    expect((await w.api("lead").proposal.get({ proposalId })).viewer.canReturnToDraft).toBe(false);
    const before = await proposalFingerprint(database.db, proposalId);
    await expectFailure(
      w.api("lead").proposal.returnToDraft({ proposalId }),
      "CONFLICT",
      "“Round 1” closed on 31 March 2021 at 5pm, so it no longer takes proposals. This proposal can no longer go back to draft.",
    );
    expect(await proposalFingerprint(database.db, proposalId)).toBe(before);
  });

  it("refuses when the round does not allow changes after submission", async () => {
    const w = await world(database.db);
    const proposalId = await submittedIn(w, { roundId: w.rounds.strictRound.id });
    expect((await w.api("lead").proposal.get({ proposalId })).viewer.canReturnToDraft).toBe(false);
    await expectFailure(
      w.api("lead").proposal.returnToDraft({ proposalId }),
      "CONFLICT",
      "“Strict round” does not allow changes after submission, so this proposal cannot go back to draft.",
    );
    expect((await database.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("SUBMITTED");
  });

  it("lets only the lead author withdraw, with the reason on the timeline; a withdrawn proposal lists last", async () => {
    const w = await world(database.db);
    const first = await proposalIn(w, { title: "First idea" });
    const second = await proposalIn(w, { title: "Second idea" });
    await expectFailure(w.api("coAuthor").proposal.withdraw({ proposalId: first, reason: "Duplicate" }), "FORBIDDEN");
    expect(await w.api("lead").proposal.withdraw({ proposalId: first, reason: "  Merged with another idea " })).toEqual({ status: "WITHDRAWN" });
    const last = (await w.api("lead").proposal.timeline({ proposalId: first })).at(-1);
    expect(last).toMatchObject({ kind: "WITHDRAWN", summary: `${w.people.lead.name} withdrew the proposal: Merged with another idea` });
    // The first was changed last, yet withdrawn proposals come after the others.
    const list = await w.api("member").proposal.forSubGroup({ subGroupId: w.subGroup.id });
    expect(list.map((item) => [item.id, item.status])).toEqual([
      [second, "DRAFT"],
      [first, "WITHDRAWN"],
    ]);
    await expectFailure(
      w.api("lead").proposal.withdraw({ proposalId: first, reason: "Again" }),
      "CONFLICT",
      "This proposal has already been withdrawn.",
    );
  });
});

describe("revisions, comparison and timeline", () => {
  it("compares the proposal as it stood at two revisions, section by section, as readable text", async () => {
    const w = await world(database.db);
    const proposalId = await proposalIn(w, { title: "Short breaks" });
    const { voluntary: charity, public: council } = w.organisations;
    await fill(w, proposalId, { need: { text: "Carers have no time off." } }); // revision 2
    await fill(w, proposalId, {
      budget: { lines: [{ id: "b1", item: "Sitters", amountPence: 500_000, organisationId: charity.id }] },
    }); // 3
    await fill(w, proposalId, { need: { text: "Unpaid carers have no time off at all." } }, "coAuthor"); // 4
    await fill(w, proposalId, { partners: { leadOrganisationId: charity.id, organisationIds: [council.id] } }); // 5

    const comparison = await w.api("member").proposal.compare({ proposalId, fromRevision: 2, toRevision: 5 });
    expect(comparison.from).toMatchObject({ number: 2, author: { id: w.people.lead.userId } });
    expect(comparison.to).toMatchObject({ number: 5, author: { id: w.people.lead.userId } });
    const byKey = Object.fromEntries(comparison.sections.map((section) => [section.section, section]));
    expect(comparison.sections.map((section) => section.section)).toEqual([
      "title",
      "summary",
      "need",
      "hypothesis",
      "measures",
      "activities",
      "partners",
      "budget",
      "duration",
      "sustainability",
      "risks",
    ]);
    expect(comparison.sections.filter((section) => section.changed).map((section) => section.section)).toEqual([
      "need",
      "partners",
      "budget",
    ]);
    expect(byKey.title).toMatchObject({ label: "Title", changed: false, before: "Short breaks", after: "Short breaks" });
    expect(byKey.need).toMatchObject({
      label: "The need",
      before: "Carers have no time off.",
      after: "Unpaid carers have no time off at all.",
      diff: [
        { kind: "removed", text: "Carers " },
        { kind: "added", text: "Unpaid carers " },
        { kind: "same", text: "have no time " },
        { kind: "removed", text: "off." },
        { kind: "added", text: "off at all." },
      ],
    });
    expect(byKey.budget).toMatchObject({
      before: "",
      after: `Sitters (${charity.name}): £5,000.00\nTotal: £5,000.00`,
      diff: [{ kind: "added", text: `Sitters (${charity.name}): £5,000.00\nTotal: £5,000.00` }],
    });
    expect(byKey.partners!.after).toBe(`Lead organisation: ${charity.name}\nPartner: ${council.name}`);

    const fromEmpty = await w.api("lead").proposal.compare({ proposalId, fromRevision: 0, toRevision: 1 });
    expect(fromEmpty.from).toEqual({ number: 0, createdAt: null, author: null });
    expect(fromEmpty.sections.find((section) => section.section === "title")).toMatchObject({
      changed: true,
      before: "",
      after: "Short breaks",
      diff: [{ kind: "added", text: "Short breaks" }],
    });
    expect(fromEmpty.sections.filter((section) => section.changed)).toHaveLength(1);

    await expectFailure(
      w.api("lead").proposal.compare({ proposalId, fromRevision: 1, toRevision: 6 }),
      "BAD_REQUEST",
      "This proposal has 5 revisions, so revision 6 does not exist.",
    );
    const revisions = await w.api("lead").proposal.revisions({ proposalId });
    expect(revisions.map((revision) => [revision.number, revision.sectionLabel, revision.author.name])).toEqual([
      [5, "Partner organisations", w.people.lead.name],
      [4, "The need", w.people.coAuthor.name],
      [3, "Budget", w.people.lead.name],
      [2, "The need", w.people.lead.name],
      [1, "Title", w.people.lead.name],
    ]);
  });

  it("groups one person's saves within 30 minutes into one timeline entry, in order with the events", async () => {
    const w = await world(database.db);
    const db = database.db;
    const proposalId = await proposalIn(w, { title: "Evening respite" });
    const lead = await accessFor(db, w.people.lead, "proposal.saveSection", proposalId);
    const coAuthor = await accessFor(db, w.people.coAuthor, "proposal.saveSection", proposalId);
    const base = Date.now() + 60_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const versions: Record<string, number> = {};
    const save = async (access: typeof lead, section: "need" | "budget" | "risks", text: string, minutes: number) => {
      const input =
        section === "budget"
          ? { proposalId, section, content: { lines: [{ id: "b1", item: text, amountPence: 100, organisationId: null }] }, baseVersion: versions[section] ?? 0 }
          : { proposalId, section, content: { text }, baseVersion: versions[section] ?? 0 };
      const result = await saveSection(db, access.actor, access, input as SaveSectionInput, at(minutes));
      if (result.status !== "saved") throw new Error("save should succeed");
      versions[section] = result.version;
    };
    await save(lead, "budget", "Sitters", 0);
    await save(lead, "need", "Carers need breaks", 10);
    await save(lead, "budget", "Sitters and room", 35); // 25 minutes after the last save: same entry
    await save(lead, "need", "Carers need regular breaks", 50);
    await save(coAuthor, "risks", "Low uptake", 55); // someone else
    await save(lead, "risks", "Low uptake; recruitment", 60); // back to the lead: a new entry
    await save(lead, "need", "Carers need regular, planned breaks", 120); // 60 minutes later: a new entry

    const timeline = await w.api("lead").proposal.timeline({ proposalId });
    expect(timeline.map((entry) => [entry.kind, entry.actor?.id, entry.summary])).toEqual([
      ["CREATED", w.people.lead.userId, `${w.people.lead.name} started the proposal “Evening respite” for “Round 1”`],
      ["CO_AUTHOR_JOINED", w.people.lead.userId, `${w.people.lead.name} added ${w.people.coAuthor.name} as a co-author`],
      ["REVISED", w.people.lead.userId, `${w.people.lead.name} revised Budget and The need (4 saves)`],
      ["REVISED", w.people.coAuthor.userId, `${w.people.coAuthor.name} revised Risks`],
      ["REVISED", w.people.lead.userId, `${w.people.lead.name} revised Risks`],
      ["REVISED", w.people.lead.userId, `${w.people.lead.name} revised The need`],
    ]);
    expect(timeline[2]).toMatchObject({ at: at(0), compare: { fromRevision: 1, toRevision: 5 } });
    expect(timeline[5]).toMatchObject({ at: at(120), compare: { fromRevision: 7, toRevision: 8 } });
    const times = timeline.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
