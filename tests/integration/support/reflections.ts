import type { Database } from "@/server/db/client";
import type { Actor } from "@/server/auth/session";
import { callerFor } from "./caller";
import { fundWorld, isoDay, recordedProject, subGroupWorld } from "./worlds";

/**
 * The reflections test world, shared by every reflection test file: a partnership with a
 * "Carers" sub-group (Lena leads; Mo and Nia are members), Owen who is in the partnership but
 * not the sub-group, Olive the observer and Fiona the officer. With `project`, a funded project
 * led by Pat with Tom in the team (for project audiences).
 */
export const REFLECTION_CAST = {
  fiona: { name: "Fiona Officer", role: "OFFICER" },
  lena: { name: "Lena Lead" },
  mo: { name: "Mo Member" },
  nia: { name: "Nia Member" },
  owen: { name: "Owen Outside" },
  olive: { name: "Olive Observer", role: "OBSERVER" },
  pat: { name: "Pat Project" },
  tom: { name: "Tom Team" },
} as const;

export async function reflectionWorld(db: Database) {
  const w = await subGroupWorld(db, { cast: REFLECTION_CAST, tagNames: true, leads: ["lena"], members: ["mo", "nia"] });
  const { people } = w;
  const { fund } = await fundWorld(w, { by: people.fiona, fund: { name: "Fund", totalPence: 100_000 }, round: null });
  const project = await recordedProject(w, { by: people.fiona, fund, name: "Pharmacy check-ins", lead: people.pat, team: [people.tom] });
  return { ...w, project };
}

export type ReflectionWorld = Awaited<ReturnType<typeof reflectionWorld>>;

/** Any sub-group world whose lead is Lena (the question-set tests cast a chair as well). */
type RunsReflections = { slug: string; subGroup: { id: string }; people: { lena: Actor }; api: (who: Actor) => ReturnType<typeof callerFor> };

/** Lena runs a reflection for her sub-group, closing in a week: the Team Leeds chat with named answers unless told otherwise. */
export async function runForSubGroup(w: RunsReflections, overrides: Record<string, unknown> = {}) {
  return w.api(w.people.lena).reflection.create({
    partnershipSlug: w.slug,
    templateKey: "team-chat",
    audience: "SUB_GROUP",
    subGroupId: w.subGroup.id,
    closesOn: isoDay(7),
    anonymity: "NAMED",
    ...overrides,
  });
}

/** The Team Leeds chat (four written questions) for the Carers sub-group. */
export const runTeamChat = (w: RunsReflections, overrides: Record<string, unknown> = {}) => runForSubGroup(w, overrides);

/** The pulse (scales) for the Carers sub-group, anonymous unless told otherwise. */
export const runPulse = (w: RunsReflections, anonymity: "NAMED" | "ANONYMOUS" = "ANONYMOUS") =>
  runForSubGroup(w, { templateKey: "pulse", anonymity });

/** A run's questions, in order. */
export async function questionsOf(db: Database, surveyId: string) {
  const survey = await db.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: { questionSet: { select: { questions: { orderBy: { position: "asc" } } } } },
  });
  return survey.questionSet.questions;
}
