import { randomUUID } from "node:crypto";
import type { Prisma } from "../../server/db/generated/client";
import { endOfLondonDay, londonDay, storedDay } from "../../server/domain/reflections/dates";
import { templateByKey, type ReflectionTemplate } from "../../server/domain/reflections/templates";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

const PARTNERSHIP = "renfrewshire-spg";
const SUB_GROUP = "Carers sub-group";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const LORNA = "lorna.shaw@renfrewshire-carers.example";
const EUAN = "euan.stewart@renfrewshire-council.example";
const ALEX = "alex.morgan@carers-network.example";
const GORDON = "gordon.fraser@clyde-pharmacy.example";

/** The Carers sub-group's Team Leeds chat, a month after it closed: one answer per question each (blank where skipped). */
const TEAM_CHAT_ANSWERS: { email: string; answers: string[] }[] = [
  {
    email: EUAN,
    answers: [
      "Exhausting at the start. The team moved to phones overnight and we worried about the carers we could not see. It got easier once we knew who else was checking in on them.",
      "Yes. The carers' centre rang everyone on our waiting list, and we shared one list instead of three. Even better if we had agreed that in week one rather than week six.",
      "Knowing who to phone. A shared contact sheet for the sub-group would save a lot of time.",
      "I will bring one of my team to each sub-group meeting so that more of us know the carers' centre staff by name.",
    ],
  },
  {
    email: ALEX,
    answers: [
      "Busy, and at times lonely. Carers told us they felt forgotten, and we felt that with them.",
      "Working with the pharmacy on prescription collections was the best thing we did. Carers got their medicines and a friendly check-in at the same time, and the pharmacy spotted carers we had never met.",
      "",
      "Invite the pharmacy team to our monthly carers' café so people can put faces to names.",
    ],
  },
  {
    email: GORDON,
    answers: [
      "We never closed, so it felt relentless, but the community was kinder than I have ever known it.",
      "Yes, with the carers' centre and social work. Referrals took a phone call instead of a form.",
      "Time set aside for it. Most of my day is at the counter, so short, regular meetings work better than long ones.",
      "",
    ],
  },
];

/** Three pulses, a couple of months apart: the scales creep up as the sub-group settles. */
const PULSES: { daysAgo: number; responses: { email: string; connected: number; going: number; oneThing: string }[] }[] = [
  {
    daysAgo: 150,
    responses: [
      { email: LORNA, connected: 2, going: 3, oneThing: "A shared contact list." },
      { email: EUAN, connected: 3, going: 3, oneThing: "" },
      { email: GORDON, connected: 2, going: 2, oneThing: "Meetings that fit round the pharmacy's hours." },
    ],
  },
  {
    daysAgo: 90,
    responses: [
      { email: LORNA, connected: 3, going: 4, oneThing: "" },
      { email: EUAN, connected: 4, going: 3, oneThing: "Fewer forms between us." },
      { email: ALEX, connected: 3, going: 4, oneThing: "Meeting in person now and then." },
      { email: GORDON, connected: 3, going: 3, oneThing: "" },
    ],
  },
  {
    daysAgo: 30,
    responses: [
      { email: LORNA, connected: 4, going: 4, oneThing: "Keep the carers' café going." },
      { email: ALEX, connected: 4, going: 5, oneThing: "" },
      { email: GORDON, connected: 5, going: 4, oneThing: "Nothing: it is working." },
    ],
  },
];

/** The open partnership-wide pulse: who has answered so far. */
const OPEN_PULSE_RESPONSES: { email: string; connected: number; going: number; oneThing: string }[] = [
  { email: "sandra.kerr@engage-renfrewshire.example", connected: 4, going: 4, oneThing: "A directory of who does what across sectors." },
  { email: "kenny.doyle@ramh.example", connected: 3, going: 4, oneThing: "" },
  { email: "margaret.lennox@renfrewshire-council.example", connected: 4, going: 3, oneThing: "More chances to meet the third sector in person." },
];

const closesAtEndOf = (date: Date) => endOfLondonDay(londonDay(date));

/** The partnership's stored copy of a built-in template, as the API makes it on first use. */
async function templateCopy(tx: Tx, partnershipId: string, template: ReflectionTemplate, createdById: string, createdAt: Date) {
  const set = await tx.questionSet.create({
    data: {
      partnershipId,
      title: template.title,
      description: template.description,
      isTemplate: true,
      createdById,
      createdAt,
      questions: {
        create: template.questions.map((question, index) => ({ position: index + 1, prompt: question.prompt, help: question.help, kind: question.kind })),
      },
    },
    select: { id: true, questions: { select: { id: true, position: true }, orderBy: { position: "asc" } } },
  });
  return set;
}

/** Records one response as the API would: anonymous ones unlinked, with random ids and only the day kept. */
async function respond(
  tx: Tx,
  surveyId: string,
  userId: string,
  at: Date,
  anonymous: boolean,
  answers: { questionId: string; text?: string; score?: number }[],
) {
  const day = storedDay(londonDay(at));
  await tx.surveyParticipant.create({ data: { surveyId, userId, respondedAt: anonymous ? day : at } });
  const response = await tx.surveyResponse.create({
    data: { ...(anonymous ? { id: randomUUID() } : {}), surveyId, respondentId: anonymous ? null : userId, submittedOn: day },
    select: { id: true },
  });
  const kept = answers.filter((answer) => (answer.text !== undefined ? answer.text.trim() !== "" : answer.score !== undefined));
  await tx.surveyAnswer.createMany({
    data: kept.map((answer) => ({
      id: randomUUID(),
      responseId: response.id,
      questionId: answer.questionId,
      text: answer.text ?? null,
      score: answer.score ?? null,
    })),
  });
}

/**
 * Reflections in Renfrewshire: the Carers sub-group's Team Leeds chat (closed, named, with
 * answers), three earlier anonymous pulses in the same sub-group (so its trend has numbers),
 * and an open partnership-wide pulse that the officer has not answered yet.
 */
export async function seedDemoReflections(
  tx: Tx,
  lookups: { partnershipIds: Map<string, string>; userId: (email: string) => string; now: Date },
) {
  const { now, userId } = lookups;
  const partnershipId = lookups.partnershipIds.get(PARTNERSHIP);
  if (!partnershipId) throw new Error(`Demo data has no partnership ${PARTNERSHIP}`);
  const subGroup = await tx.subGroup.findFirstOrThrow({ where: { partnershipId, name: SUB_GROUP }, select: { id: true, name: true } });

  // The sub-group's people have been in it since before its first pulse.
  await tx.subGroupMembership.updateMany({
    where: { subGroupId: subGroup.id, joinedAt: { gt: new Date(now.getTime() - 200 * DAY) } },
    data: { joinedAt: new Date(now.getTime() - 200 * DAY) },
  });

  const teamChat = templateByKey("team-chat")!;
  const pulse = templateByKey("pulse")!;
  const earliestPulse = new Date(now.getTime() - PULSES[0]!.daysAgo * DAY);
  const teamChatSet = await templateCopy(tx, partnershipId, teamChat, userId(LORNA), new Date(now.getTime() - 46 * DAY));
  const pulseSet = await templateCopy(tx, partnershipId, pulse, userId(EUAN), earliestPulse);

  // --- the Team Leeds chat, closed a month ago --------------------------------------------
  const chatOpened = new Date(now.getTime() - 45 * DAY);
  const chat = await tx.survey.create({
    data: {
      partnershipId,
      questionSetId: teamChatSet.id,
      subGroupId: subGroup.id,
      title: "Team Leeds chat: Carers sub-group",
      anonymity: "NAMED",
      closesAt: closesAtEndOf(new Date(now.getTime() - 31 * DAY)),
      createdById: userId(LORNA),
      createdAt: chatOpened,
    },
    select: { id: true },
  });
  for (const [index, person] of TEAM_CHAT_ANSWERS.entries()) {
    await respond(
      tx,
      chat.id,
      userId(person.email),
      new Date(chatOpened.getTime() + (index + 1) * 2 * DAY + 3 * HOUR),
      false,
      person.answers.map((text, position) => ({ questionId: teamChatSet.questions[position]!.id, text })),
    );
  }

  // --- three pulses, each open for ten days -------------------------------------------------
  const [connected, going, oneThing] = pulseSet.questions;
  for (const [index, run] of PULSES.entries()) {
    const opened = new Date(now.getTime() - run.daysAgo * DAY);
    const survey = await tx.survey.create({
      data: {
        partnershipId,
        questionSetId: pulseSet.id,
        subGroupId: subGroup.id,
        title: `Carers sub-group pulse ${index + 1}`,
        anonymity: "ANONYMOUS",
        closesAt: closesAtEndOf(new Date(opened.getTime() + 10 * DAY)),
        createdById: userId(EUAN),
        createdAt: opened,
      },
      select: { id: true },
    });
    for (const [order, response] of run.responses.entries()) {
      await respond(tx, survey.id, userId(response.email), new Date(opened.getTime() + (order + 1) * DAY), true, [
        { questionId: connected!.id, score: response.connected },
        { questionId: going!.id, score: response.going },
        { questionId: oneThing!.id, text: response.oneThing },
      ]);
    }
  }

  // --- an open partnership-wide pulse -------------------------------------------------------
  const wideOpened = new Date(now.getTime() - 3 * DAY);
  const title = "Partnership pulse: working together across Renfrewshire";
  const wide = await tx.survey.create({
    data: {
      partnershipId,
      questionSetId: pulseSet.id,
      title,
      anonymity: "ANONYMOUS",
      closesAt: closesAtEndOf(new Date(now.getTime() + 11 * DAY)),
      createdById: userId(OFFICER),
      createdAt: wideOpened,
    },
    select: { id: true },
  });
  for (const [order, response] of OPEN_PULSE_RESPONSES.entries()) {
    await respond(tx, wide.id, userId(response.email), new Date(wideOpened.getTime() + (order + 1) * 12 * HOUR), true, [
      { questionId: connected!.id, score: response.connected },
      { questionId: going!.id, score: response.going },
      { questionId: oneThing!.id, text: response.oneThing },
    ]);
  }
  const members = await tx.membership.findMany({ where: { partnershipId }, select: { userId: true } });
  const closing = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });
  await tx.notification.createMany({
    data: members
      .filter((member) => member.userId !== userId(OFFICER))
      .map((member) => ({
        userId: member.userId,
        partnershipId,
        kind: "SURVEY_OPENED" as const,
        title: `Please share your reflections: "${title}"`,
        body: `Answers are anonymous. It closes on ${closing.format(closesAtEndOf(new Date(now.getTime() + 11 * DAY)))}.`,
        linkPath: `/p/${PARTNERSHIP}/reflections/${wide.id}`,
        createdAt: wideOpened,
      })),
  });
}
