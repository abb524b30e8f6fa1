import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { AppError, notFound } from "@/server/errors";
import { paths } from "@/lib/paths";

const TITLE_MAX = 150;

/** A story title from the question: the prompt, shortened at a word boundary when long. */
export function storyTitleFrom(prompt: string): string {
  const clean = prompt.replace(/\s+/g, " ").trim();
  if (clean.length <= TITLE_MAX) return clean;
  const cut = clean.slice(0, TITLE_MAX - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > 60 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/**
 * With its author's consent, a written answer becomes a draft story. Only the person who
 * gave a named answer may do this, and doing it is their consent; the draft is theirs alone
 * until they submit it. An anonymous answer is linked to nobody, so nobody can. A second
 * call returns the same story.
 */
export async function answerToStory(db: Database, actor: Actor, membership: MembershipGrant, answerId: string) {
  const answer = await db.surveyAnswer.findUnique({
    where: { id: answerId },
    select: {
      id: true,
      text: true,
      question: { select: { prompt: true, kind: true } },
      response: { select: { respondentId: true, survey: { select: { partnershipId: true, anonymity: true, partnership: { select: { slug: true } } } } } },
      story: { select: { id: true, authorId: true } },
    },
  });
  if (!answer || answer.response.survey.partnershipId !== membership.partnershipId) throw notFound("That answer");
  const { survey } = answer.response;
  const slug = survey.partnership.slug;
  if (answer.story) return { storyId: answer.story.id, created: false, path: paths.story(slug, answer.story.id) };
  if (answer.question.kind !== "TEXT" || !answer.text?.trim()) {
    throw new AppError("BAD_REQUEST", "Only a written answer can become a story.");
  }
  try {
    const story = await db.story.create({
      data: {
        partnershipId: membership.partnershipId,
        authorId: actor.userId,
        title: storyTitleFrom(answer.question.prompt),
        body: answer.text,
        status: "DRAFT",
        sourceAnswerId: answer.id,
      },
      select: { id: true },
    });
    return { storyId: story.id, created: true, path: paths.story(slug, story.id) };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two clicks at once: the first made the story, the second returns it.
    const existing = await db.story.findUnique({ where: { sourceAnswerId: answer.id }, select: { id: true } });
    if (!existing) throw error;
    return { storyId: existing.id, created: false, path: paths.story(slug, existing.id) };
  }
}
