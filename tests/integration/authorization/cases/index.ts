import type { AuthorizationCases } from "../case";
import { assessmentCases } from "./assessment";
import { coreCases } from "./core";
import { directoryCases } from "./directory";
import { discussionsCases } from "./discussions";
import { fundingCases } from "./funding";
import { libraryCases } from "./library";
import { notificationsCases } from "./notifications";
import { partnershipAdminCases } from "./partnership-admin";
import { priorityAreasCases } from "./priority-areas";
import { portfolioCases } from "./portfolio";
import { projectsCases } from "./projects";
import { proposalsCases } from "./proposals";
import { subGroupsCases } from "./sub-groups";
import { transparencyCases } from "./transparency";
import { storiesCases } from "./stories";
import { eventsCases } from "./events";
import { reflectionsCases } from "./reflections";
import { filesCases } from "./files";

/**
 * The cases, one group per area: the matrix builds one world per group and every call in the
 * group shares it (each in its own rolled-back transaction).
 */
export const caseGroups: Record<string, AuthorizationCases> = {
  core: coreCases,
  "partnership administration": partnershipAdminCases,
  "priority areas": priorityAreasCases,
  "sub-groups": subGroupsCases,
  discussions: discussionsCases,
  directory: directoryCases,
  notifications: notificationsCases,
  funding: fundingCases,
  proposals: proposalsCases,
  assessment: assessmentCases,
  projects: projectsCases,
  portfolio: portfolioCases,
  transparency: transparencyCases,
  stories: storiesCases,
  events: eventsCases,
  reflections: reflectionsCases,
  files: filesCases,
  library: libraryCases,
};

/** Every procedure's case, by path. */
export const cases: AuthorizationCases = Object.assign({}, ...Object.values(caseGroups));
