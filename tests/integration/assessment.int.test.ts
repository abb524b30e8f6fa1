import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { MembershipRole, ProposalStatus, Sector } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { defaultScoreGuide } from "@/server/domain/assessment/score-guide";
import { addMember, createOrganisation, createPartnership, createPerson, unique } from "./support/factories";

/**
 * A partnership with a closed round and a panel of three, for the assessment tests.
 * Authors: Lena (lead author, works for the carers' charity) and Colin (co-author, RAMH).
 * Panel: Ana (NHS), Ben (the council) and Cat (no organisation). Sam leads the sub-group.
 */
async function assessmentWorld(db: Database, options: { fundTotalPence?: number; closed?: boolean; scoreMax?: number } = {}) {
  const partnership = await createPartnership(db);
  const organisation = async (label: string, sector: Sector) => {
    const created = await createOrganisation(db, { name: `${label} ${unique()}`, sector });
    await db.partnershipOrganisation.create({ data: { partnershipId: partnership.id, organisationId: created.id } });
    return created;
  };
  const organisations = {
    carers: await organisation("Carers Leeds", "VOLUNTARY"),
    ramh: await organisation("RAMH", "VOLUNTARY"),
    council: await organisation("Leeds City Council", "PUBLIC"),
    nhs: await organisation("NHS Leeds", "PUBLIC"),
  };
  const person = async (name: string, organisationId: string | null, role: MembershipRole = "MEMBER"): Promise<Actor> => {
    const { actor } = await createPerson(db, { name, organisationId });
    await addMember(db, partnership.id, actor.userId, role);
    return actor;
  };
  const people = {
    officer: await person("Fiona Officer", organisations.council.id, "OFFICER"),
    leadAuthor: await person("Lena Author", organisations.carers.id),
    coAuthor: await person("Colin Coauthor", organisations.ramh.id),
    subGroupLead: await person("Sam Lead", organisations.council.id),
    ana: await person("Ana Assessor", organisations.nhs.id),
    ben: await person("Ben Assessor", organisations.council.id),
    cat: await person("Cat Assessor", null),
    bystander: await person("Dev Member", organisations.nhs.id),
  };
  const priorityArea = await db.priorityArea.create({
    data: { partnershipId: partnership.id, title: "Unpaid carers", description: "d", outcomesSought: "o", position: 0 },
  });
  const subGroup = await db.subGroup.create({
    data: { partnershipId: partnership.id, priorityAreaId: priorityArea.id, name: "Carers' breaks", purpose: "Test short breaks" },
  });
  await db.subGroupMembership.createMany({
    data: [
      { subGroupId: subGroup.id, userId: people.subGroupLead.userId, role: "LEAD" },
      { subGroupId: subGroup.id, userId: people.leadAuthor.userId, role: "MEMBER" },
      { subGroupId: subGroup.id, userId: people.coAuthor.userId, role: "MEMBER" },
    ],
  });
  const fund = await db.fund.create({
    data: {
      partnershipId: partnership.id,
      name: "Test and learn fund",
      source: "HSCP",
      financialYear: "2020/21",
      totalPence: options.fundTotalPence ?? 1_000_000,
      createdById: people.officer.userId,
    },
  });
  const day = 24 * 3600 * 1000;
  const round = await db.fundingRound.create({
    data: {
      fundId: fund.id,
      title: "Test and learn round",
      guidance: "g",
      eligibility: "e",
      criteria: [
        { name: "Partnership", weight: 60 },
        { name: "Learning", weight: 40 },
      ],
      opensAt: new Date(Date.now() - 30 * day),
      closesAt: options.closed === false ? new Date(Date.now() + 30 * day) : new Date(Date.now() - day),
      status: "OPEN",
      minAwardPence: 1_000,
      maxAwardPence: 1_000_000,
      scoreMax: options.scoreMax ?? 5,
    },
  });
  await db.roundAssessor.createMany({
    data: [people.ana, people.ben, people.cat].map((assessor) => ({
      roundId: round.id,
      userId: assessor.userId,
      appointedById: people.officer.userId,
    })),
  });
  const api = (actor: Actor) => callerFor(db, actor);
  return { partnership, organisations, people, priorityArea, subGroup, fund, round, api };
}

type AssessmentWorld = Awaited<ReturnType<typeof assessmentWorld>>;

/** A proposal submitted to the world's round, by Lena (lead) and Colin (co-author). */
async function submittedProposal(
  db: Database,
  world: AssessmentWorld,
  overrides: {
    title?: string;
    requestedPence?: number;
    status?: ProposalStatus;
    leadOrganisationId?: string | null;
    partnerOrganisationIds?: string[];
  } = {},
) {
  const status = overrides.status ?? "UNDER_ASSESSMENT";
  return db.proposal.create({
    data: {
      partnershipId: world.partnership.id,
      subGroupId: world.subGroup.id,
      roundId: world.round.id,
      title: overrides.title ?? `Carers' café ${unique()}`,
      requestedPence: overrides.requestedPence ?? 1_000_000,
      leadOrganisationId: overrides.leadOrganisationId === undefined ? world.organisations.carers.id : overrides.leadOrganisationId,
      partnerOrganisationIds: overrides.partnerOrganisationIds ?? [world.organisations.carers.id, world.organisations.ramh.id],
      status,
      submittedAt: status === "DRAFT" ? null : new Date(),
      createdById: world.people.leadAuthor.userId,
      authors: {
        create: [
          { userId: world.people.leadAuthor.userId, role: "LEAD" },
          { userId: world.people.coAuthor.userId, role: "CO_AUTHOR", addedById: world.people.leadAuthor.userId },
        ],
      },
    },
  });
}

/** Scores for the world's two criteria: Partnership (weight 60) and Learning (weight 40). */
const scores = (partnership: number, learning: number) => [
  { criterion: "Partnership", score: partnership, comment: "" },
  { criterion: "Learning", score: learning, comment: "" },
];

/** The error a call failed with. */
async function failure(promise: Promise<unknown>): Promise<TRPCError & { fieldErrors?: Record<string, string[]> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      return Object.assign(error, { fieldErrors: error.cause instanceof AppError ? error.cause.fieldErrors : undefined });
    }
    throw error;
  }
  throw new Error("expected the call to fail");
}

const database = withTestDatabase();

describe("the assessment panel", () => {
  it("appoints a member, tells them, and refuses duplicates and outsiders", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const officer = w.api(w.people.officer);

    const candidates = await officer.assessment.panelCandidates({ roundId: w.round.id });
    const candidateIds = candidates.map((candidate) => candidate.userId);
    expect(candidateIds).toContain(w.people.bystander.userId);
    expect(candidateIds).not.toContain(w.people.ana.userId);
    expect(candidates.find((c) => c.userId === w.people.bystander.userId)).toEqual({
      userId: w.people.bystander.userId,
      name: "Dev Member",
      organisationName: w.organisations.nhs.name,
      sector: "PUBLIC",
      role: "MEMBER",
    });

    await expect(officer.assessment.appointAssessor({ roundId: w.round.id, userId: w.people.bystander.userId })).resolves.toEqual({
      roundId: w.round.id,
      userId: w.people.bystander.userId,
    });
    const notification = await db.notification.findFirstOrThrow({ where: { userId: w.people.bystander.userId } });
    expect(notification).toMatchObject({
      kind: "ASSESSOR_APPOINTED",
      linkPath: `/p/${w.partnership.slug}/assess`,
      title: 'You are on the assessment panel for "Test and learn round"',
    });
    expect(await db.auditEvent.count({ where: { action: "assessment.assessor_appointed", subjectId: w.round.id } })).toBe(1);

    const duplicate = await failure(officer.assessment.appointAssessor({ roundId: w.round.id, userId: w.people.bystander.userId }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.message).toBe('Dev Member is already on the panel for "Test and learn round".');

    const { actor: outsider } = await createPerson(db, { name: "Not A Member" });
    const notMember = await failure(officer.assessment.appointAssessor({ roundId: w.round.id, userId: outsider.userId }));
    expect(notMember.code).toBe("NOT_FOUND");
    expect(await db.roundAssessor.count({ where: { roundId: w.round.id } })).toBe(4);
  });

  it("removes an assessor with only a draft (the draft goes too) but keeps one who has submitted", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    await w.api(w.people.ana).assessment.saveScores({ proposalId: proposal.id, scores: scores(3, 3), submit: false });
    await w.api(w.people.ben).assessment.saveScores({ proposalId: proposal.id, scores: scores(4, 4), submit: true });
    const officer = w.api(w.people.officer);

    await officer.assessment.removeAssessor({ roundId: w.round.id, userId: w.people.ana.userId });
    expect(await db.roundAssessor.count({ where: { roundId: w.round.id, userId: w.people.ana.userId } })).toBe(0);
    expect(await db.assessment.count({ where: { assessorId: w.people.ana.userId } })).toBe(0);

    const kept = await failure(officer.assessment.removeAssessor({ roundId: w.round.id, userId: w.people.ben.userId }));
    expect(kept.code).toBe("CONFLICT");
    expect(kept.message).toContain("Ben Assessor has already submitted scores");
    expect(await db.roundAssessor.count({ where: { roundId: w.round.id, userId: w.people.ben.userId } })).toBe(1);
  });

  it("starts the assessment only once the round has closed, moving every submitted proposal", async () => {
    const { db } = database;
    const open = await assessmentWorld(db, { closed: false });
    await submittedProposal(db, open, { status: "SUBMITTED" });
    const refused = await failure(open.api(open.people.officer).assessment.startAssessment({ roundId: open.round.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/^Close the round first: it is open until \d{1,2} \w+ \d{4}/);
    expect(await db.proposal.count({ where: { roundId: open.round.id, status: "SUBMITTED" } })).toBe(1);

    const w = await assessmentWorld(db);
    const first = await submittedProposal(db, w, { status: "SUBMITTED" });
    const second = await submittedProposal(db, w, { status: "SUBMITTED" });
    const draft = await submittedProposal(db, w, { status: "DRAFT" });
    await expect(w.api(w.people.officer).assessment.startAssessment({ roundId: w.round.id })).resolves.toEqual({ started: 2 });
    const statuses = await db.proposal.findMany({ where: { roundId: w.round.id }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [first.id]: "UNDER_ASSESSMENT",
      [second.id]: "UNDER_ASSESSMENT",
      [draft.id]: "DRAFT",
    });
    expect(await db.proposalEvent.count({ where: { kind: "ASSESSMENT_STARTED", proposalId: { in: [first.id, second.id] } } })).toBe(2);
    // Nothing left to start the second time.
    await expect(w.api(w.people.officer).assessment.startAssessment({ roundId: w.round.id })).resolves.toEqual({ started: 0 });
  });
});

describe("conflicts of interest", () => {
  it("stops an assessor who works for a partner, co-wrote the proposal or leads its sub-group from scoring", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    // Put each conflicted person on the panel.
    for (const person of [w.people.coAuthor, w.people.subGroupLead]) {
      await db.roundAssessor.create({ data: { roundId: w.round.id, userId: person.userId, appointedById: w.people.officer.userId } });
    }
    const { actor: partnerStaff } = await createPerson(db, { name: "Pat Partner", organisationId: w.organisations.ramh.id });
    await addMember(db, w.partnership.id, partnerStaff.userId);
    await db.roundAssessor.create({ data: { roundId: w.round.id, userId: partnerStaff.userId, appointedById: w.people.officer.userId } });

    const expectations: [typeof partnerStaff, string][] = [
      [partnerStaff, `You cannot score this proposal: you work for ${w.organisations.ramh.name}, a partner in this proposal.`],
      [w.people.coAuthor, "You cannot score this proposal: you work for"],
      [w.people.subGroupLead, "You cannot score this proposal: you lead the sub-group that wrote this proposal."],
    ];
    for (const [person, message] of expectations) {
      const refused = await failure(w.api(person).assessment.saveScores({ proposalId: proposal.id, scores: scores(5, 5), submit: true }));
      expect(refused.code).toBe("CONFLICT");
      expect(refused.message.startsWith(message)).toBe(true);
      const sheet = await w.api(person).assessment.scoreSheet({ proposalId: proposal.id });
      expect(sheet.canScore).toBe(false);
    }
    // The co-author is also conflicted as an author, whatever their organisation.
    await db.user.update({ where: { id: w.people.coAuthor.userId }, data: { organisationId: null } });
    const asAuthor = await failure(w.api(w.people.coAuthor).assessment.saveScores({ proposalId: proposal.id, scores: scores(5, 5) }));
    expect(asAuthor.message).toBe("You cannot score this proposal: you are one of the authors of this proposal.");
    expect(await db.assessment.count({ where: { proposalId: proposal.id } })).toBe(0);

    const overview = await w.api(w.people.officer).assessment.overview({ roundId: w.round.id });
    const kinds = overview.recusals.map((recusal) => [recusal.assessorName, recusal.kind]).sort();
    expect(kinds).toEqual([
      ["Colin Coauthor", "CO_AUTHOR"],
      ["Pat Partner", "PARTNER_ORGANISATION"],
      ["Sam Lead", "SUB_GROUP_LEAD"],
    ]);
    expect(overview.proposals[0]).toMatchObject({ expectedCount: 3, scoredCount: 0 });
  });

  it("records a declared conflict: drafts go, scoring is refused, the register shows it; not after submitting", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    const ana = w.api(w.people.ana);
    await ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(2, 2), submit: false });

    const declared = await ana.assessment.declareConflict({ proposalId: proposal.id, reason: "My sister runs the café" });
    expect(declared.proposalId).toBe(proposal.id);
    expect(await db.assessment.count({ where: { proposalId: proposal.id, assessorId: w.people.ana.userId } })).toBe(0);
    // Declaring twice changes nothing.
    await expect(ana.assessment.declareConflict({ proposalId: proposal.id, reason: "Again" })).resolves.toEqual(declared);
    expect(await db.conflictDeclaration.count({ where: { proposalId: proposal.id } })).toBe(1);
    const events = await db.proposalEvent.findMany({ where: { proposalId: proposal.id, kind: "CONFLICT_DECLARED" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).not.toContain("Ana");
    expect(events[0]!.actorId).toBeNull();

    const refused = await failure(ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(5, 5), submit: true }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("You cannot score this proposal: you declared a conflict of interest: My sister runs the café");

    const sheet = await ana.assessment.scoreSheet({ proposalId: proposal.id });
    expect(sheet.conflicts).toEqual([{ kind: "DECLARED", message: "You declared a conflict of interest: My sister runs the café" }]);
    const mine = await ana.assessment.mine({ partnershipSlug: w.partnership.slug });
    expect(mine).toEqual([
      expect.objectContaining({
        state: "CONFLICT",
        canScore: false,
        conflicts: ["You declared a conflict of interest: My sister runs the café"],
      }),
    ]);

    const overview = await w.api(w.people.officer).assessment.overview({ roundId: w.round.id });
    expect(overview.recusals).toEqual([
      {
        proposalId: proposal.id,
        proposalTitle: proposal.title,
        assessorId: w.people.ana.userId,
        assessorName: "Ana Assessor",
        kind: "DECLARED",
        reason: "My sister runs the café",
        declaredAt: declared.declaredAt,
      },
    ]);
    expect(overview.completion.find((cell) => cell.assessorId === w.people.ana.userId)?.state).toBe("CONFLICT");
    expect(overview.proposals[0]!.expectedCount).toBe(2);

    const ben = w.api(w.people.ben);
    await ben.assessment.saveScores({ proposalId: proposal.id, scores: scores(4, 4), submit: true });
    const late = await failure(ben.assessment.declareConflict({ proposalId: proposal.id, reason: "Just remembered" }));
    expect(late.code).toBe("CONFLICT");
    expect(await db.conflictDeclaration.count({ where: { proposalId: proposal.id } })).toBe(1);
  });
});

describe("scoring", () => {
  it("hides the other assessors' scores until the assessor has submitted their own", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    const ana = w.api(w.people.ana);
    const ben = w.api(w.people.ben);
    await ben.assessment.saveScores({ proposalId: proposal.id, scores: scores(4, 3), comment: "Good plan", submit: true });

    const before = await ana.assessment.scoreSheet({ proposalId: proposal.id });
    expect(before.others).toBeNull();
    expect(before.mine).toBeNull();
    expect(before.canScore).toBe(true);
    expect(before.round).toEqual({
      id: w.round.id,
      title: "Test and learn round",
      scoreMax: 5,
      criteria: [
        { name: "Partnership", weight: 60 },
        { name: "Learning", weight: 40 },
      ],
      scoreGuide: defaultScoreGuide(5),
    });
    expect(before.round.scoreGuide.map((step) => step.score)).toEqual([0, 1, 2, 3, 4, 5]);

    await ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(2, 2), comment: "Thin on learning", submit: false });
    const draft = await ana.assessment.scoreSheet({ proposalId: proposal.id });
    expect(draft.others).toBeNull();
    expect(draft.mine).toMatchObject({ status: "DRAFT", comment: "Thin on learning", weightedScore: null, submittedAt: null });

    await ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(2, 5), comment: "Better", submit: true });
    const after = await ana.assessment.scoreSheet({ proposalId: proposal.id });
    // (60×2 + 40×5) × 100 / 5 = 6400; Ben: (60×4 + 40×3) × 20 = 7200.
    expect(after.mine).toMatchObject({ status: "SUBMITTED", weightedScore: 6_400, scores: scores(2, 5) });
    expect(after.canScore).toBe(false);
    expect(after.others).toEqual([{ assessorName: "Ben Assessor", weightedScore: 7_200, scores: scores(4, 3), comment: "Good plan" }]);
  });

  it("refuses scores outside the scale, a submission with a criterion missing, and changes after submitting", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    const ana = w.api(w.people.ana);

    const tooHigh = await failure(ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(6, 3), submit: false }));
    expect(tooHigh.code).toBe("BAD_REQUEST");
    expect(tooHigh.fieldErrors).toEqual({ "scores.0.score": ["Scores go from 0 to 5"] });

    const missing = await failure(
      ana.assessment.saveScores({ proposalId: proposal.id, scores: [{ criterion: "Partnership", score: 3, comment: "" }], submit: true }),
    );
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.fieldErrors).toEqual({ scores: ["Not scored yet: Learning."] });

    const unknown = await failure(
      ana.assessment.saveScores({
        proposalId: proposal.id,
        scores: [...scores(3, 3), { criterion: "Glamour", score: 1, comment: "" }],
        submit: true,
      }),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(await db.assessment.count({ where: { proposalId: proposal.id } })).toBe(0);

    await ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(3, 3), submit: true });
    const stored = await db.assessment.findFirstOrThrow({ where: { proposalId: proposal.id } });
    expect(stored).toMatchObject({ status: "SUBMITTED", weightedScore: 6_000 });
    const event = await db.proposalEvent.findFirstOrThrow({ where: { proposalId: proposal.id, kind: "ASSESSED" } });
    expect(event.summary).toBe("An assessor submitted their scores (1 of 3)");
    expect(event.actorId).toBeNull();

    const changed = await failure(ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(5, 5), submit: true }));
    expect(changed.code).toBe("CONFLICT");
    expect((await db.assessment.findFirstOrThrow({ where: { proposalId: proposal.id } })).weightedScore).toBe(6_000);
  });

  it("scores on the round's own scale and only while the proposal is under assessment", async () => {
    const { db } = database;
    const w = await assessmentWorld(db, { scoreMax: 10 });
    const proposal = await submittedProposal(db, w);
    const ana = w.api(w.people.ana);
    const tooHigh = await failure(ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(11, 3) }));
    expect(tooHigh.fieldErrors).toEqual({ "scores.0.score": ["Scores go from 0 to 10"] });
    const saved = await ana.assessment.saveScores({ proposalId: proposal.id, scores: scores(10, 5), submit: true });
    // (60×10 + 40×5) × 100 / 10 = 8000
    expect(saved.weightedScore).toBe(8_000);

    const waiting = await submittedProposal(db, w, { status: "SUBMITTED" });
    const early = await failure(w.api(w.people.ben).assessment.saveScores({ proposalId: waiting.id, scores: scores(1, 1) }));
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toBe("Scoring starts when an officer starts the assessment of this round.");

    const mine = await w.api(w.people.ben).assessment.mine({ partnershipSlug: w.partnership.slug });
    expect(mine.map((row) => [row.proposal.id, row.state, row.canScore]).sort()).toEqual(
      [
        [proposal.id, "NOT_STARTED", true],
        [waiting.id, "NOT_STARTED", false],
      ].sort(),
    );
    // Someone on no panel has nothing to score.
    await expect(w.api(w.people.bystander).assessment.mine({ partnershipSlug: w.partnership.slug })).resolves.toEqual([]);
  });
});

describe("the officers' overview", () => {
  it("ranks proposals by mean score with the range, spread and the money running total", async () => {
    const { db } = database;
    const w = await assessmentWorld(db, { fundTotalPence: 1_000_000 });
    const top = await submittedProposal(db, w, { title: "Top", requestedPence: 400_000 });
    const middle = await submittedProposal(db, w, { title: "Middle", requestedPence: 500_000 });
    const unscored = await submittedProposal(db, w, { title: "Unscored", requestedPence: 300_000 });
    const waiting = await submittedProposal(db, w, { title: "Waiting", requestedPence: 50_000, status: "SUBMITTED" });
    const [ana, ben, cat] = [w.api(w.people.ana), w.api(w.people.ben), w.api(w.people.cat)];
    // Top: 10000, 8000, 6000 → mean 8000, spread √(8,000,000/3) = 1633.
    await ana.assessment.saveScores({ proposalId: top.id, scores: scores(5, 5), submit: true });
    await ben.assessment.saveScores({ proposalId: top.id, scores: scores(4, 4), submit: true });
    await cat.assessment.saveScores({ proposalId: top.id, scores: scores(3, 3), submit: true });
    // Middle: 4000 and 6000 → mean 5000, spread 1000; Cat has a draft only.
    await ana.assessment.saveScores({ proposalId: middle.id, scores: scores(2, 2), submit: true });
    await ben.assessment.saveScores({ proposalId: middle.id, scores: scores(3, 3), submit: true });
    await cat.assessment.saveScores({ proposalId: middle.id, scores: scores(1, 1), submit: false });

    const overview = await w.api(w.people.officer).assessment.overview({ roundId: w.round.id });
    expect(overview.round).toMatchObject({ id: w.round.id, effectiveStatus: "CLOSED", scoreMax: 5 });
    expect(overview.fund).toEqual({
      id: w.fund.id,
      name: "Test and learn fund",
      totalPence: 1_000_000,
      committedPence: 0,
      availablePence: 1_000_000,
    });
    expect(overview.panel.map((member) => member.name)).toEqual(["Ana Assessor", "Ben Assessor", "Cat Assessor"]);
    expect(overview.submittedCount).toBe(5);
    expect(overview.awaitingStartCount).toBe(1);

    // [rank, id, mean, min, max, spread, scored, expected, complete, cumulative requested, fits in the money left]
    const rows = overview.proposals.map((p) => [
      p.rank,
      p.id,
      p.meanScore,
      p.minScore,
      p.maxScore,
      p.spread,
      p.scoredCount,
      p.expectedCount,
      p.complete,
      p.cumulativeRequestedPence,
      p.fitsInAvailable,
    ]);
    expect(rows).toEqual([
      [1, top.id, 8_000, 6_000, 10_000, 1_633, 3, 3, true, 400_000, true],
      [2, middle.id, 5_000, 4_000, 6_000, 1_000, 2, 3, false, 900_000, true],
      // Unscored ones come last, the cheaper first.
      [3, waiting.id, null, null, null, null, 0, 3, false, 950_000, true],
      [4, unscored.id, null, null, null, null, 0, 3, false, 1_250_000, false],
    ]);
    expect(overview.proposals[0]).toMatchObject({
      title: "Top",
      subGroupName: "Carers' breaks",
      leadOrganisationName: w.organisations.carers.name,
      status: "UNDER_ASSESSMENT",
      requestedPence: 400_000,
      decision: null,
    });
    const cell = (proposalId: string, assessorId: string) =>
      overview.completion.find((c) => c.proposalId === proposalId && c.assessorId === assessorId);
    expect(cell(middle.id, w.people.cat.userId)).toEqual({
      proposalId: middle.id,
      assessorId: w.people.cat.userId,
      state: "DRAFT",
      weightedScore: null,
    });
    expect(cell(middle.id, w.people.ben.userId)?.weightedScore).toBe(6_000);
    expect(cell(unscored.id, w.people.ana.userId)?.state).toBe("NOT_STARTED");
    expect(overview.completion).toHaveLength(12);

    // Approving the top proposal commits its money: it no longer counts in the running total.
    await w.api(w.people.officer).assessment.decide({
      outcome: "APPROVE",
      proposalId: top.id,
      reason: "Highest score",
      amountPence: 300_000,
      tranches: [{ amountPence: 300_000, dueOn: new Date("2021-06-01") }],
      idempotencyKey: unique("approve"),
    });
    const later = await w.api(w.people.officer).assessment.overview({ roundId: w.round.id });
    expect(later.fund).toMatchObject({ committedPence: 300_000, availablePence: 700_000 });
    expect(later.proposals.map((p) => [p.id, p.cumulativeRequestedPence, p.fitsInAvailable])).toEqual([
      [top.id, 0, true],
      [middle.id, 500_000, true],
      [waiting.id, 550_000, true],
      [unscored.id, 850_000, false],
    ]);
    expect(later.proposals[0]!.decision).toEqual({ outcome: "APPROVED", awardedPence: 300_000 });
  });
});

describe("deciding", () => {
  async function fullyScored(w: AssessmentWorld, proposalId: string) {
    for (const person of [w.people.ana, w.people.ben, w.people.cat]) {
      await w.api(person).assessment.saveScores({ proposalId, scores: scores(4, 4), submit: true });
    }
  }

  it("refuses to decide before scoring is complete, then allows it with a reason for overriding, which is kept", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    const officer = w.api(w.people.officer);
    const decline = { outcome: "DECLINE" as const, proposalId: proposal.id, reason: "The plan needs a clearer measure" };

    const nobody = await failure(officer.assessment.decide(decline));
    expect(nobody.code).toBe("BAD_REQUEST");
    expect(nobody.message).toBe("Nobody has scored this proposal yet. To decide now, give a reason for overriding.");

    await w.api(w.people.ana).assessment.saveScores({ proposalId: proposal.id, scores: scores(2, 2), submit: true });
    await w.api(w.people.ben).assessment.saveScores({ proposalId: proposal.id, scores: scores(2, 2), submit: true });
    const incomplete = await failure(officer.assessment.decide(decline));
    expect(incomplete.code).toBe("BAD_REQUEST");
    expect(incomplete.message).toBe(
      "Scoring is not complete: 1 of 3 assessors has not scored yet. To decide now, give a reason for overriding.",
    );
    expect(incomplete.fieldErrors).toHaveProperty("override.reason");
    expect(await db.proposalDecision.count({ where: { proposalId: proposal.id } })).toBe(0);

    await expect(
      officer.assessment.decide({ ...decline, override: { reason: "Cat is on leave until after the panel meets" } }),
    ).resolves.toEqual({ proposalId: proposal.id, status: "DECLINED", awardId: null });
    const decision = await db.proposalDecision.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    expect(decision).toMatchObject({
      outcome: "DECLINED",
      reason: "The plan needs a clearer measure",
      overrideReason: "Cat is on leave until after the panel meets",
      decidedById: w.people.officer.userId,
    });
  });

  it("rolls the approval back when the award fails: no decision, no award, no ledger row", async () => {
    const { db } = database;
    const w = await assessmentWorld(db, { fundTotalPence: 500_000 });
    const proposal = await submittedProposal(db, w, { requestedPence: 800_000 });
    await fullyScored(w, proposal.id);
    const refused = await failure(
      w.api(w.people.officer).assessment.decide({
        outcome: "APPROVE",
        proposalId: proposal.id,
        reason: "Worth testing",
        amountPence: 600_000,
        tranches: [{ amountPence: 600_000, dueOn: new Date("2021-06-01") }],
        idempotencyKey: unique("approve"),
      }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("Not enough money left in Test and learn fund: £5,000.00 is available.");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("UNDER_ASSESSMENT");
    expect(await db.proposalDecision.count({ where: { proposalId: proposal.id } })).toBe(0);
    expect(await db.award.count({ where: { fundId: w.fund.id } })).toBe(0);
    expect(await db.ledgerEntry.count({ where: { fundId: w.fund.id } })).toBe(0);
    expect(await db.proposalEvent.count({ where: { proposalId: proposal.id, kind: { in: ["APPROVED", "AWARDED"] } } })).toBe(0);
    expect(await db.notification.count({ where: { kind: "PROPOSAL_DECISION", userId: w.people.leadAuthor.userId } })).toBe(0);
    expect((await db.fund.findUniqueOrThrow({ where: { id: w.fund.id } })).committedPence).toBe(0);
  });

  it("approves a smaller amount than asked: one award for the proposal, a ledger commitment and word to every author", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w, { requestedPence: 1_000_000 });
    await fullyScored(w, proposal.id);
    const officer = w.api(w.people.officer);
    const input = {
      outcome: "APPROVE" as const,
      proposalId: proposal.id,
      reason: "A strong cross-sector plan",
      amountPence: 800_000,
      conditions: "Report on carers reached each quarter",
      tranches: [
        { amountPence: 500_000, dueOn: new Date("2021-06-01") },
        { amountPence: 300_000, dueOn: new Date("2021-12-01") },
      ],
      idempotencyKey: unique("approve"),
    };

    const tooMuch = await failure(
      officer.assessment.decide({ ...input, amountPence: 1_000_001, tranches: [{ amountPence: 1_000_001, dueOn: new Date() }] }),
    );
    expect(tooMuch.code).toBe("BAD_REQUEST");
    expect(tooMuch.message).toBe("That is more than the proposal asked for.");

    const result = await officer.assessment.decide(input);
    expect(result).toMatchObject({ proposalId: proposal.id, status: "APPROVED" });
    const award = await db.award.findUniqueOrThrow({
      where: { id: result.awardId! },
      include: { tranches: { orderBy: { sequence: "asc" } } },
    });
    expect(award).toMatchObject({
      proposalId: proposal.id,
      fundId: w.fund.id,
      roundId: w.round.id,
      priorityAreaId: w.priorityArea.id,
      projectName: proposal.title,
      recipientName: w.organisations.carers.name,
      recipientOrganisationId: w.organisations.carers.id,
      conditions: "Report on carers reached each quarter",
      awardedPence: 800_000,
      publishedAt: null,
    });
    expect(award.tranches.map((tranche) => tranche.amountPence)).toEqual([500_000, 300_000]);
    const ledger = await db.ledgerEntry.findMany({ where: { fundId: w.fund.id } });
    expect(ledger).toEqual([
      expect.objectContaining({ kind: "COMMIT", committedDelta: 800_000, awardId: award.id, idempotencyKey: input.idempotencyKey }),
    ]);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("APPROVED");
    expect(await db.proposalDecision.findUniqueOrThrow({ where: { proposalId: proposal.id } })).toMatchObject({
      outcome: "APPROVED",
      reason: "A strong cross-sector plan",
      overrideReason: null,
    });
    const events = await db.proposalEvent.findMany({
      where: { proposalId: proposal.id, kind: { in: ["APPROVED", "AWARDED"] } },
      orderBy: { kind: "asc" },
    });
    expect(events.map((event) => [event.kind, event.summary])).toEqual([
      ["APPROVED", "Approved for funding."],
      ["AWARDED", "Awarded £8,000.00 from Test and learn fund"],
    ]);
    const link = `/p/${w.partnership.slug}/proposals/${proposal.id}`;
    const notified = await db.notification.findMany({ where: { kind: "PROPOSAL_DECISION", linkPath: link } });
    expect(notified.map((n) => n.userId).sort()).toEqual([w.people.leadAuthor.userId, w.people.coAuthor.userId].sort());
    expect(notified[0]!.title).toBe(`"${proposal.title}" has been approved`);
    expect(await db.activity.count({ where: { subGroupId: w.subGroup.id, kind: "PROPOSAL_DECIDED", linkPath: link } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "proposal.approved", subjectId: proposal.id } })).toBe(1);

    // The same request again (a retry) returns the first result and changes nothing.
    await expect(officer.assessment.decide(input)).resolves.toEqual(result);
    expect(await db.award.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { fundId: w.fund.id } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "PROPOSAL_DECISION", linkPath: link } })).toBe(2);
    // A second decision with a new request is refused.
    const again = await failure(officer.assessment.decide({ ...input, idempotencyKey: unique("approve") }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("A decision has already been made on this proposal.");
  });

  it("approves once when the same approval arrives twice at the same moment", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w, { requestedPence: 200_000 });
    await fullyScored(w, proposal.id);
    const input = {
      outcome: "APPROVE" as const,
      proposalId: proposal.id,
      reason: "Clear plan",
      amountPence: 200_000,
      tranches: [{ amountPence: 200_000, dueOn: new Date("2021-06-01") }],
      published: true,
      idempotencyKey: unique("approve"),
    };
    const [first, second] = await Promise.all([
      w.api(w.people.officer).assessment.decide(input),
      w.api(w.people.officer).assessment.decide(input),
    ]);
    expect(second).toEqual(first);
    expect(await db.award.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect((await db.award.findUniqueOrThrow({ where: { proposalId: proposal.id } })).publishedAt).not.toBeNull();
    expect(await db.ledgerEntry.count({ where: { fundId: w.fund.id } })).toBe(1);
    expect(await db.proposalDecision.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect((await db.fund.findUniqueOrThrow({ where: { id: w.fund.id } })).committedPence).toBe(200_000);
  });

  it("declines with feedback the authors are told", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    await fullyScored(w, proposal.id);
    const feedback = "The panel liked the idea but the budget needs a breakdown by partner.";
    await expect(
      w.api(w.people.officer).assessment.decide({ outcome: "DECLINE", proposalId: proposal.id, reason: feedback }),
    ).resolves.toEqual({ proposalId: proposal.id, status: "DECLINED", awardId: null });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("DECLINED");
    expect(await db.proposalDecision.findUniqueOrThrow({ where: { proposalId: proposal.id } })).toMatchObject({
      outcome: "DECLINED",
      reason: feedback,
      overrideReason: null,
    });
    const told = await db.notification.findMany({
      where: { kind: "PROPOSAL_DECISION", linkPath: `/p/${w.partnership.slug}/proposals/${proposal.id}` },
    });
    expect(told.map((n) => n.userId).sort()).toEqual([w.people.leadAuthor.userId, w.people.coAuthor.userId].sort());
    expect(told.every((n) => n.body === feedback)).toBe(true);
    expect(await db.proposalEvent.count({ where: { proposalId: proposal.id, kind: "DECLINED" } })).toBe(1);
    expect(await db.award.count({ where: { proposalId: proposal.id } })).toBe(0);
  });

  it("does not let an officer who co-wrote the proposal decide it", async () => {
    const { db } = database;
    const w = await assessmentWorld(db);
    const proposal = await submittedProposal(db, w);
    await fullyScored(w, proposal.id);
    await db.membership.update({
      where: { partnershipId_userId: { partnershipId: w.partnership.id, userId: w.people.coAuthor.userId } },
      data: { role: "OFFICER" },
    });
    const refused = await failure(
      w.api(w.people.coAuthor).assessment.decide({ outcome: "DECLINE", proposalId: proposal.id, reason: "Not ready" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("You co-wrote this proposal, so another officer must decide it.");
    expect(await db.proposalDecision.count({ where: { proposalId: proposal.id } })).toBe(0);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("UNDER_ASSESSMENT");
  });
});
