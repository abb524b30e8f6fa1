import type { SurveyQuestionKind } from "@/server/db/generated/enums";

/**
 * Ready-made question sets. Running one copies it into the partnership's own QuestionSet
 * rows (marked as a template) the first time, and reuses that copy afterwards, so that
 * repeated runs share the same questions and can be compared over time.
 */

export type TemplateQuestion = { prompt: string; help: string; kind: SurveyQuestionKind };
export type ReflectionTemplate = {
  key: TemplateKey;
  title: string;
  description: string;
  questions: readonly TemplateQuestion[];
};

export const TEMPLATE_KEYS = ["team-chat", "pulse"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** The four questions of a Team Leeds chat (Team Leeds Hearts and Minds), with their guidance. */
const TEAM_CHAT: ReflectionTemplate = {
  key: "team-chat",
  title: "Team Leeds chat: four questions",
  description:
    "Hold a chat with your team using four simple questions, then share your reflections. From the Team Leeds Hearts and Minds programme.",
  questions: [
    {
      prompt: "How has work felt for you lately?",
      help: "This gives everyone a chance to pause, listen and acknowledge the challenges, or indeed the opportunities, of recent months and to share how it’s been for them.",
      kind: "TEXT",
    },
    {
      prompt:
        "Have you been able to work together with colleagues from different health, care or third sector teams or services recently? And what benefits has that brought?",
      help: "This is a way to hear about and collect anecdote or stories of successful joined-up, integrated working: what worked well; what would be ‘even better if’; and to establish a baseline to tell us if our workforce thinks that joined-up, integrated health and care matters to them.",
      kind: "TEXT",
    },
    {
      prompt:
        "What might make it easier for you, or encourage you, to build effective relationships with colleagues in other health, care or third sector teams or services?",
      help: "This will guide senior leaders in ways to shape, develop and improve our networks.",
      kind: "TEXT",
    },
    {
      prompt:
        "What steps will you take now to build connections with other colleagues in other health, care or third sector teams or services?",
      help: "This is your call to action: think about what you and your team can do right now to embrace a Team Leeds culture.",
      kind: "TEXT",
    },
  ],
};

/** A short pulse to repeat every few months: two scales to trend and one open question. */
const PULSE: ReflectionTemplate = {
  key: "pulse",
  title: "Partnership pulse",
  description: "A two-minute check on how working together feels. Run it every few months to see the trend.",
  questions: [
    {
      prompt: "How connected do you feel to colleagues in other sectors?",
      help: "1 means not at all connected, 5 means very well connected.",
      kind: "SCALE",
    },
    {
      prompt: "How well is working together in this group going?",
      help: "1 means very badly, 5 means very well.",
      kind: "SCALE",
    },
    {
      prompt: "What one thing would make working together easier?",
      help: "A sentence or two is plenty.",
      kind: "TEXT",
    },
  ],
};

export const REFLECTION_TEMPLATES: readonly ReflectionTemplate[] = [TEAM_CHAT, PULSE];

export function templateByKey(key: string): ReflectionTemplate | undefined {
  return REFLECTION_TEMPLATES.find((template) => template.key === key);
}

/** Whether a stored question set is the copy of this template (same title and the same questions). */
export function isCopyOf(
  template: ReflectionTemplate,
  set: { title: string; isTemplate: boolean; questions: readonly { position: number; prompt: string; kind: SurveyQuestionKind }[] },
): boolean {
  if (!set.isTemplate || set.title !== template.title) return false;
  const questions = [...set.questions].sort((a, b) => a.position - b.position);
  return (
    questions.length === template.questions.length &&
    questions.every((question, index) => {
      const expected = template.questions[index]!;
      return question.prompt === expected.prompt && question.kind === expected.kind;
    })
  );
}
