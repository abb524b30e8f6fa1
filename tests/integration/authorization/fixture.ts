import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { hashInvitationToken, newInvitationToken } from "@/server/domain/invitations/invitation-token";
import { unique } from "../support/factories";

export const PERSONAS = [
  "anonymous",
  "observer",
  "member",
  "otherSubGroupMember",
  "subGroupLead",
  "officer",
  "otherPartnershipOfficer",
  "demotedLead",
  "removedMember",
] as const;
export type Persona = (typeof PERSONAS)[number];

async function person(db: Database, organisationId: string | null, label: string): Promise<Actor & { id: string }> {
  const tag = unique(label);
  const user = await db.user.create({ data: { name: `${label} ${tag}`, email: `${tag}@example.org`, organisationId } });
  return { id: user.id, userId: user.id, name: user.name, email: user.email, organisationId };
}

/**
 * One partnership with everything a procedure may point at, and one person for each
 * persona. Built once per procedure into an empty database (world.ts); every call runs in
 * a transaction that is rolled back, so calls cannot interfere.
 *
 * - member: MEMBER of the partnership and MEMBER of sub-group A
 * - otherSubGroupMember: MEMBER of the partnership, in sub-group B only
 * - subGroupLead: MEMBER of the partnership, LEAD of sub-group A
 * - observer: OBSERVER of the partnership; officer: OFFICER of it
 * - otherPartnershipOfficer: OFFICER of a different partnership only
 * - demotedLead: OBSERVER of the partnership whose rows still say they take part (written
 *   straight into the database, as a role change leaves them): LEAD of sub-group A, lead
 *   author of `demotedDraft` (with `member` as co-author), co-author of `draftProposal`, on
 *   the round's panel, a MEMBER of `project`'s team and LEAD of `demotedProject`'s, creator of
 *   `demotedMeeting` (a meeting of sub-group A) and going to the breakfast. The partnership
 *   role bounds all of it: they read what is shared with them and never act.
 * - removedMember: no membership of any partnership, but still a MEMBER of sub-group A, a
 *   co-author of `draftProposal` and on `project`'s team: they see nothing at all.
 */
export async function buildFixture(db: Database) {
  const slug = unique("matrix");
  const partnership = await db.partnership.create({
    data: { slug, name: `Matrix ${slug}`, kind: "STRATEGIC_PLANNING_GROUP" },
  });
  const otherSlug = unique("elsewhere");
  const otherPartnership = await db.partnership.create({
    // It publishes its portfolio, so its public page is open to everyone.
    data: { slug: otherSlug, name: `Elsewhere ${otherSlug}`, kind: "LOCAL_CARE_PARTNERSHIP", publishesPortfolio: true },
  });
  const locality = await db.locality.create({ data: { partnershipId: partnership.id, name: `North ${slug}` } });
  const voluntary = await db.organisation.create({
    data: { name: `Charity ${slug}`, sector: "VOLUNTARY", type: "CHARITY" },
  });
  const publicBody = await db.organisation.create({
    data: { name: `Council ${slug}`, sector: "PUBLIC", type: "COUNCIL" },
  });
  await db.partnershipOrganisation.createMany({
    data: [
      { partnershipId: partnership.id, organisationId: voluntary.id, localityId: locality.id },
      { partnershipId: partnership.id, organisationId: publicBody.id },
    ],
  });

  const people = {
    observer: await person(db, null, "observer"),
    member: await person(db, voluntary.id, "member"),
    otherSubGroupMember: await person(db, publicBody.id, "other"),
    subGroupLead: await person(db, publicBody.id, "lead"),
    officer: await person(db, publicBody.id, "officer"),
    otherPartnershipOfficer: await person(db, null, "outsider"),
    requester: await person(db, voluntary.id, "requester"),
    spare: await person(db, voluntary.id, "spare"),
    demotedLead: await person(db, voluntary.id, "demoted"),
    removedMember: await person(db, voluntary.id, "removed"),
  };
  const roles: [keyof typeof people, MembershipRole][] = [
    ["observer", "OBSERVER"],
    ["member", "MEMBER"],
    ["otherSubGroupMember", "MEMBER"],
    ["subGroupLead", "MEMBER"],
    ["officer", "OFFICER"],
    ["requester", "MEMBER"],
    ["spare", "MEMBER"],
    ["demotedLead", "OBSERVER"],
  ];
  const memberships = Object.fromEntries(
    await Promise.all(
      roles.map(async ([key, role]) => [
        key,
        await db.membership.create({ data: { partnershipId: partnership.id, userId: people[key].id, role } }),
      ]),
    ),
  ) as Record<(typeof roles)[number][0], { id: string }>;
  await db.membership.create({
    data: { partnershipId: otherPartnership.id, userId: people.otherPartnershipOfficer.id, role: "OFFICER" },
  });

  const priorityArea = await db.priorityArea.create({
    data: {
      partnershipId: partnership.id,
      title: "Carers",
      description: "Support for unpaid carers",
      outcomesSought: "More carers get a break",
      position: 0,
    },
  });
  const subGroupA = await db.subGroup.create({
    data: {
      partnershipId: partnership.id,
      priorityAreaId: priorityArea.id,
      name: "Carers A",
      purpose: "Test short breaks",
      joinPolicy: "APPROVAL",
    },
  });
  const subGroupB = await db.subGroup.create({
    data: {
      partnershipId: partnership.id,
      priorityAreaId: priorityArea.id,
      name: "Carers B",
      purpose: "Test peer support",
      joinPolicy: "OPEN",
    },
  });
  await db.subGroupMembership.createMany({
    data: [
      { subGroupId: subGroupA.id, userId: people.subGroupLead.id, role: "LEAD" },
      { subGroupId: subGroupA.id, userId: people.member.id, role: "MEMBER" },
      { subGroupId: subGroupA.id, userId: people.spare.id, role: "MEMBER" },
      { subGroupId: subGroupB.id, userId: people.otherSubGroupMember.id, role: "LEAD" },
      { subGroupId: subGroupA.id, userId: people.demotedLead.id, role: "LEAD" },
      { subGroupId: subGroupA.id, userId: people.removedMember.id, role: "MEMBER" },
    ],
  });
  const joinRequest = await db.joinRequest.create({
    data: { subGroupId: subGroupA.id, userId: people.requester.id, message: "I run a carers café" },
  });
  const thread = await db.thread.create({
    data: { subGroupId: subGroupA.id, authorId: people.member.id, title: "Kick-off", body: "When shall we meet?" },
  });
  const note = await db.subGroupNote.create({
    data: { subGroupId: subGroupA.id, authorId: people.subGroupLead.id, title: "Next meeting", body: "3 March, 10am" },
  });
  const invitationToken = newInvitationToken();
  const invitation = await db.invitation.create({
    data: {
      partnershipId: partnership.id,
      email: `${unique("invitee")}@example.org`,
      role: "MEMBER",
      tokenHash: hashInvitationToken(invitationToken),
      invitedById: people.officer.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    },
  });
  const notification = await db.notification.create({
    data: {
      userId: people.member.id,
      partnershipId: partnership.id,
      kind: "MENTION",
      title: "You were mentioned",
      linkPath: `/p/${slug}`,
    },
  });

  const fund = await db.fund.create({
    data: {
      partnershipId: partnership.id,
      name: "Non-recurring fund",
      source: "HSCP",
      financialYear: "2020/21",
      totalPence: 1_000_000,
      createdById: people.officer.id,
    },
  });
  const round = await db.fundingRound.create({
    data: {
      fundId: fund.id,
      title: "Round 1",
      guidance: "Guidance",
      eligibility: "Cross-sector partnerships",
      criteria: [{ name: "Partnership", weight: 100 }],
      opensAt: new Date(Date.now() - 24 * 3600 * 1000),
      closesAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
      minAwardPence: 1_000,
      maxAwardPence: 500_000,
    },
  });
  const award = await db.award.create({
    data: {
      fundId: fund.id,
      projectName: "Short breaks test",
      recipientName: "Carers charity",
      createdById: people.officer.id,
      tranches: { create: [{ sequence: 1, amountPence: 100_000, dueOn: new Date("2021-04-01") }] },
    },
    include: { tranches: true },
  });
  await db.ledgerEntry.create({
    data: {
      fundId: fund.id,
      awardId: award.id,
      kind: "COMMIT",
      committedDelta: 100_000,
      reason: "Award",
      actorId: people.officer.id,
      idempotencyKey: unique("commit"),
    },
  });

  // Proposals in sub-group A, written by `member` (lead author) and `spare` (co-author).
  // `otherSubGroupMember` sits on the round's assessment panel.
  const proposalData = (status: "DRAFT" | "UNDER_ASSESSMENT") => ({
    partnershipId: partnership.id,
    subGroupId: subGroupA.id,
    roundId: round.id,
    title: status === "DRAFT" ? "Carers' breaks test" : "Peer support test",
    requestedPence: 200_000,
    leadOrganisationId: voluntary.id,
    partnerOrganisationIds: [voluntary.id],
    status,
    submittedAt: status === "DRAFT" ? null : new Date(),
    createdById: people.member.id,
    authors: {
      create: [
        { userId: people.member.id, role: "LEAD" as const },
        { userId: people.spare.id, role: "CO_AUTHOR" as const, addedById: people.member.id },
      ],
    },
  });
  const draftProposal = await db.proposal.create({ data: proposalData("DRAFT") });
  const assessedProposal = await db.proposal.create({ data: proposalData("UNDER_ASSESSMENT") });
  await db.roundAssessor.createMany({
    data: [
      { roundId: round.id, userId: people.otherSubGroupMember.id, appointedById: people.officer.id },
      { roundId: round.id, userId: people.demotedLead.id, appointedById: people.officer.id },
    ],
  });
  // The demoted lead and the removed member still co-write the draft; the demoted lead
  // also leads a draft of their own, which `member` co-writes.
  await db.proposalAuthor.createMany({
    data: [
      { proposalId: draftProposal.id, userId: people.demotedLead.id, role: "CO_AUTHOR", addedById: people.member.id },
      { proposalId: draftProposal.id, userId: people.removedMember.id, role: "CO_AUTHOR", addedById: people.member.id },
    ],
  });
  const demotedDraft = await db.proposal.create({
    data: {
      ...proposalData("DRAFT"),
      title: "Carers' evening test",
      createdById: people.demotedLead.id,
      authors: {
        create: [
          { userId: people.demotedLead.id, role: "LEAD" },
          { userId: people.member.id, role: "CO_AUTHOR", addedById: people.demotedLead.id },
        ],
      },
    },
  });

  // A funded project from `award`, led by `member`: a draft update for period 1 and a
  // submitted one for period 2. `awardToSetUp` has no project yet.
  const project = await db.fundedProject.create({
    data: {
      partnershipId: partnership.id,
      awardId: award.id,
      name: "Short breaks test",
      startsOn: new Date("2021-04-01"),
      endsOn: new Date("2021-09-30"),
      reportingFrequency: "MONTHLY",
      budgetLines: [{ id: "line-1", item: "Short breaks", organisationId: null, awardedPence: 100_000 }],
      createdById: people.officer.id,
      team: {
        create: [
          { userId: people.member.id, role: "LEAD" },
          { userId: people.demotedLead.id, role: "MEMBER" },
          { userId: people.removedMember.id, role: "MEMBER" },
        ],
      },
      periods: {
        create: [
          { sequence: 1, startsOn: new Date("2021-04-01"), endsOn: new Date("2021-04-30"), dueOn: new Date("2021-05-14") },
          { sequence: 2, startsOn: new Date("2021-05-01"), endsOn: new Date("2021-05-31"), dueOn: new Date("2021-06-14") },
        ],
      },
    },
    include: { periods: { orderBy: { sequence: "asc" } } },
  });
  const draftUpdate = await db.progressUpdate.create({
    data: { projectId: project.id, periodId: project.periods[0]!.id, authorId: people.member.id, rag: "GREEN", percentComplete: 10 },
  });
  const submittedUpdate = await db.progressUpdate.create({
    data: {
      projectId: project.id,
      periodId: project.periods[1]!.id,
      authorId: people.member.id,
      status: "SUBMITTED",
      rag: "AMBER",
      percentComplete: 30,
      submittedAt: new Date("2021-06-10"),
    },
  });
  const awardToSetUp = await db.award.create({
    data: { fundId: fund.id, projectName: "Digital check-ins", recipientName: "Carers charity", createdById: people.officer.id },
  });
  // A second project, led (so its rows say) by the demoted lead, with `spare` on the team.
  const demotedAward = await db.award.create({
    data: {
      fundId: fund.id,
      projectName: "Evening sitters test",
      recipientName: "Carers charity",
      createdById: people.officer.id,
      tranches: { create: [{ sequence: 1, amountPence: 50_000, dueOn: new Date("2021-04-01") }] },
    },
    include: { tranches: true },
  });
  const demotedProject = await db.fundedProject.create({
    data: {
      partnershipId: partnership.id,
      awardId: demotedAward.id,
      name: "Evening sitters test",
      startsOn: new Date("2021-04-01"),
      endsOn: new Date("2021-09-30"),
      reportingFrequency: "MONTHLY",
      budgetLines: [{ id: "line-1", item: "Sitters", organisationId: null, awardedPence: 50_000 }],
      createdById: people.officer.id,
      team: {
        create: [
          { userId: people.demotedLead.id, role: "LEAD" },
          { userId: people.spare.id, role: "MEMBER" },
        ],
      },
      periods: {
        create: [{ sequence: 1, startsOn: new Date("2021-04-01"), endsOn: new Date("2021-04-30"), dueOn: new Date("2021-05-14") }],
      },
    },
    include: { periods: { orderBy: { sequence: "asc" } } },
  });

  // --- stories: `member` wrote all three -------------------------------------------------
  const storyBase = { partnershipId: partnership.id, authorId: people.member.id, body: "We met at the carers café.", themes: ["CROSS_SYSTEM_KINDNESS" as const] };
  const draftStory = await db.story.create({ data: { ...storyBase, title: "Draft story" } });
  const submittedStory = await db.story.create({
    data: { ...storyBase, title: "Submitted story", status: "SUBMITTED", submittedAt: new Date("2021-05-01") },
  });
  const publishedStory = await db.story.create({
    data: {
      ...storyBase,
      title: "Published story",
      status: "PUBLISHED",
      isPublic: true,
      submittedAt: new Date("2021-05-01"),
      publishedAt: new Date("2021-05-02"),
    },
  });
  // The other partnership publishes its portfolio and one public story.
  const otherPartnershipStory = await db.story.create({
    data: {
      partnershipId: otherPartnership.id,
      authorId: people.otherPartnershipOfficer.id,
      title: "Elsewhere's story",
      body: "A public story.",
      status: "PUBLISHED",
      isPublic: true,
      publishedAt: new Date("2021-05-02"),
    },
  });

  // --- events: a breakfast the officer organises, `member` and the lead going, a connection ---
  const startsAt = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  const breakfast = await db.event.create({
    data: {
      partnershipId: partnership.id,
      kind: "NETWORKING_BREAKFAST",
      title: "Networking breakfast",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
      venueName: "Town hall",
      capacity: 30,
      createdById: people.officer.id,
      rsvps: {
        create: [
          { userId: people.member.id, status: "GOING" },
          { userId: people.subGroupLead.id, status: "GOING" },
          { userId: people.demotedLead.id, status: "GOING" },
        ],
      },
    },
  });
  // A meeting of sub-group A that the demoted lead arranged while they led it.
  const demotedMeeting = await db.event.create({
    data: {
      partnershipId: partnership.id,
      subGroupId: subGroupA.id,
      kind: "SUB_GROUP_MEETING",
      title: "Sub-group A catch-up",
      startsAt: new Date(startsAt.getTime() + 24 * 3600 * 1000),
      endsAt: new Date(startsAt.getTime() + 26 * 3600 * 1000),
      venueName: "Carers centre",
      createdById: people.demotedLead.id,
      rsvps: { create: [{ userId: people.demotedLead.id, status: "GOING" }] },
    },
  });
  const connection = await db.connection.create({
    data: { partnershipId: partnership.id, eventId: breakfast.id, fromUserId: people.member.id, toUserId: people.subGroupLead.id },
  });

  // --- reflections: sub-group A's lead runs a named survey; `member` has answered ----------
  const questionSet = await db.questionSet.create({
    data: {
      partnershipId: partnership.id,
      title: "Team chat",
      isTemplate: true,
      questions: {
        create: [
          { position: 1, prompt: "How has it felt for you?", kind: "TEXT" },
          { position: 2, prompt: "How connected do you feel?", kind: "SCALE" },
        ],
      },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  // The partnership's own question set, never run: its officers may change it.
  const ownQuestionSet = await db.questionSet.create({
    data: {
      partnershipId: partnership.id,
      title: "Carers' café check-in",
      isTemplate: false,
      questions: { create: [{ position: 1, prompt: "What went well this month?", kind: "TEXT" }] },
    },
  });
  const survey = await db.survey.create({
    data: {
      partnershipId: partnership.id,
      questionSetId: questionSet.id,
      subGroupId: subGroupA.id,
      title: "Sub-group A reflection",
      anonymity: "NAMED",
      closesAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      createdById: people.subGroupLead.id,
    },
  });
  await db.surveyParticipant.create({ data: { surveyId: survey.id, userId: people.member.id } });
  const response = await db.surveyResponse.create({
    data: {
      surveyId: survey.id,
      respondentId: people.member.id,
      submittedOn: new Date(),
      answers: {
        create: [
          { questionId: questionSet.questions[0]!.id, text: "It has been hard, but we pulled together." },
          { questionId: questionSet.questions[1]!.id, score: 4 },
        ],
      },
    },
    include: { answers: true },
  });
  const answer = response.answers.find((row) => row.text !== null)!;
  // --- the library: a folder with a sub-folder, a members-only link `member` shared, and the
  // other partnership's public link (it publishes its page) -----------------------------------
  const libraryFolder = await db.libraryFolder.create({ data: { partnershipId: partnership.id, name: "Guides" } });
  const librarySubFolder = await db.libraryFolder.create({ data: { partnershipId: partnership.id, parentId: libraryFolder.id, name: "Referrals" } });
  const libraryResource = await db.libraryResource.create({
    data: {
      partnershipId: partnership.id,
      folderId: libraryFolder.id,
      title: "Carers' café flyer",
      url: "https://example.org/cafe-flyer",
      tags: ["carers"],
      addedById: people.member.id,
    },
  });
  await db.libraryResource.create({
    data: {
      partnershipId: otherPartnership.id,
      title: "Elsewhere's public guide",
      url: "https://example.org/guide",
      visibility: "PUBLIC",
      addedById: people.otherPartnershipOfficer.id,
    },
  });
  const importEmail = `${unique("imported")}@example.org`;
  const importBatch = await db.importBatch.create({
    data: {
      partnershipId: partnership.id,
      createdById: people.officer.id,
      fileName: "people.csv",
      rowCount: 1,
      problemRowCount: 0,
      rows: [
        { row: 2, email: importEmail, name: "Ira Imported", organisation: null, organisationId: null, newOrganisation: null, sector: null, role: "MEMBER", localityId: null, locality: null, problems: [] },
      ],
    },
  });
  const failedJob = await db.backgroundJob.create({
    data: { kind: "projects.reminders", partnershipId: partnership.id, state: "FAILED", attempts: 1, maxAttempts: 1, lastError: "It did not finish." },
  });

  // A file `member` attached to the draft proposal (its bytes in PostgreSQL).
  const draftFileBlob = await db.fileBlob.create({
    data: { complete: true, sizeBytes: 5, chunks: { create: [{ seq: 0, data: new TextEncoder().encode("Hello") }] } },
  });
  const draftFile = await db.storedFile.create({
    data: { partnershipId: partnership.id, ownerKind: "PROPOSAL", ownerId: draftProposal.id, slot: null },
  });
  const draftFileVersion = await db.storedFileVersion.create({
    data: {
      fileId: draftFile.id,
      number: 1,
      storage: "POSTGRES",
      blobKey: draftFileBlob.id,
      sizeBytes: 5,
      sha256: "185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969",
      mimeType: "text/plain",
      name: "notes.txt",
      uploadedById: people.member.id,
    },
  });
  await db.storedFile.update({ where: { id: draftFile.id }, data: { currentVersionId: draftFileVersion.id } });

  return {
    draftFile,
    libraryFolder,
    librarySubFolder,
    libraryResource,
    importBatch,
    failedJob,
    draftStory,
    submittedStory,
    publishedStory,
    otherPartnershipStory,
    breakfast,
    demotedMeeting,
    connection,
    questionSet,
    ownQuestionSet,
    survey,
    answer,
    project,
    demotedProject,
    demotedAward,
    draftUpdate,
    submittedUpdate,
    awardToSetUp,
    draftProposal,
    assessedProposal,
    demotedDraft,
    fund,
    round,
    award,
    partnership,
    otherPartnership,
    locality,
    organisations: { voluntary, publicBody },
    people,
    memberships,
    priorityArea,
    subGroupA,
    subGroupB,
    joinRequest,
    thread,
    note,
    invitation,
    invitationToken,
    notification,
  };
}

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

export function actorFor(fixture: Fixture, persona: Persona): Actor | null {
  return persona === "anonymous" ? null : fixture.people[persona];
}
