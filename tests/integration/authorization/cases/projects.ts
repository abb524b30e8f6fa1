import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";

/**
 * Officers set projects up, see them all and review updates; the project's team (`member`
 * leads the fixture's project) writes and submits updates; everyone sees their own.
 */
const officers = ["officer"] as const;
const team = ["member"] as const;

export const projectsCases: AuthorizationCases = {
  "project.setUp": {
    input: (f) => ({
      awardId: f.awardToSetUp.id,
      startsOn: "2021-04-01",
      endsOn: "2021-09-30",
      reportingFrequency: "MONTHLY",
      leadUserId: f.people.member.id,
    }),
    allow: officers,
  },
  "project.list": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: officers },
  "project.mine": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  "project.get": { input: (f) => ({ projectId: f.project.id }), allow: [...officers, ...team] },
  "project.saveUpdate": {
    input: (f) => ({
      projectId: f.project.id,
      periodId: f.project.periods[0]!.id,
      rag: "GREEN",
      percentComplete: 15,
      narrative: "First breaks booked",
      spend: [{ budgetLineId: "line-1", spentPence: 5_000 }],
      measureValues: [],
      milestoneChanges: [],
      risks: "",
      learning: "",
    }),
    allow: team,
  },
  "project.submitUpdate": { input: (f) => ({ updateId: f.draftUpdate.id }), allow: team },
  "project.submitEvaluation": {
    input: (f) => ({
      projectId: f.project.id,
      measureResults: [],
      costPence: 90_000,
      whatWorked: "Carers booked breaks they chose themselves",
      whatDidNot: "Weekend cover was hard to find",
      recommendation: "SCALE_UP",
    }),
    allow: team,
  },
  "project.decide": {
    input: (f) => ({ projectId: f.project.id, outcome: "SUSTAIN", reasons: "Worked well for the carers who used it", nextStep: "" }),
    allow: officers,
  },
  "project.timeline": { input: (f) => ({ projectId: f.project.id }), allow: [...officers, ...team] },
  "project.reviewUpdate": { input: (f) => ({ updateId: f.submittedUpdate.id, outcome: "ACCEPT", note: "" }), allow: officers },
  "project.teamCandidates": { input: (f) => ({ projectId: f.project.id }), allow: [...officers, ...team] },
  "project.addTeamMember": { input: (f) => ({ projectId: f.project.id, userId: f.people.spare.id }), allow: [...officers, ...team] },
  "project.removeTeamMember": { input: (f) => ({ projectId: f.project.id, userId: f.people.member.id }), allow: [...officers, ...team] },
};
