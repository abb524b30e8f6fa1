import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";

/**
 * The fixture's reflection is a named run for sub-group A (lead: `subGroupLead`; members:
 * `member`, who has answered, and `spare`). Its audience answers; those who manage it (the
 * runner, officers and chairs, the sub-group's leads) see results from the start, export and
 * close it; audience members see results once they have answered. The demoted lead is still
 * on A's list (as a lead): so they read the run and may answer it, as anyone it is sent to,
 * but manage nothing, and see results only once they have answered (they have not yet).
 */
const participants = ["member", "otherSubGroupMember", "subGroupLead", "officer"] as const;
const managers = ["subGroupLead", "officer"] as const;
const closingDay = () => new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10);

export const reflectionsCases: AuthorizationCases = {
  "reflection.questionSets": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: participants },
  "reflection.createQuestionSet": {
    input: (f) => ({
      partnershipSlug: f.partnership.slug,
      title: "Carers' café check-in",
      questions: [{ prompt: "What went well this month?", kind: "TEXT" }],
    }),
    allow: participants,
  },
  "reflection.questionSet": {
    input: (f) => ({ partnershipSlug: f.partnership.slug, questionSetId: f.ownQuestionSet.id }),
    allow: ["officer"],
  },
  "reflection.updateQuestionSet": {
    input: (f) => ({
      partnershipSlug: f.partnership.slug,
      questionSetId: f.ownQuestionSet.id,
      title: "Carers' café check-in",
      questions: [{ prompt: "What went well this month, and why?", kind: "TEXT" }],
    }),
    allow: ["officer"],
  },
  "reflection.list": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  "reflection.create": {
    input: (f) => ({
      partnershipSlug: f.partnership.slug,
      templateKey: "team-chat",
      audience: "SUB_GROUP",
      subGroupId: f.subGroupA.id,
      closesOn: closingDay(),
      anonymity: "NAMED",
    }),
    allow: managers,
  },
  "reflection.get": { input: (f) => ({ surveyId: f.survey.id }), allow: ["member", "subGroupLead", "officer", "demotedLead"] },
  // `member` has answered already: refused as a conflict, after the policy let them in.
  "reflection.respond": {
    input: (f) => ({
      surveyId: f.survey.id,
      answers: [
        { questionId: f.questionSet.questions[0]!.id, text: "Better than I feared." },
        { questionId: f.questionSet.questions[1]!.id, score: 3 },
      ],
    }),
    allow: ["member", "subGroupLead", "demotedLead"],
  },
  "reflection.results": { input: (f) => ({ surveyId: f.survey.id }), allow: ["member", "subGroupLead", "officer"] },
  "reflection.exportCsv": { input: (f) => ({ surveyId: f.survey.id }), allow: managers },
  "reflection.exportTable": { input: (f) => ({ surveyId: f.survey.id }), allow: managers },
  "reflection.close": { input: (f) => ({ surveyId: f.survey.id }), allow: managers },
  "reflection.trend": { input: (f) => ({ subGroupId: f.subGroupA.id }), allow: ["member", "subGroupLead", "officer", "demotedLead"] },
  "reflection.answerToStory": { input: (f) => ({ answerId: f.answer.id }), allow: ["member"] },
};
