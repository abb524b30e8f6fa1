import { createCallerFactory, router } from "./trpc";
import { assessmentRouter } from "./routers/assessment";
import { directoryRouter } from "./routers/directory";
import { discussionRouter } from "./routers/discussion";
import { fundingRouter } from "./routers/funding";
import { invitationRouter } from "./routers/invitation";
import { jobRouter } from "./routers/job";
import { libraryRouter } from "./routers/library";
import { meRouter } from "./routers/me";
import { memberImportRouter } from "./routers/member-import";
import { membershipRouter } from "./routers/membership";
import { notificationRouter } from "./routers/notification";
import { partnershipRouter } from "./routers/partnership";
import { priorityAreaRouter } from "./routers/priority-area";
import { portfolioRouter } from "./routers/portfolio";
import { projectRouter } from "./routers/project";
import { proposalRouter } from "./routers/proposal";
import { reflectionRouter } from "./routers/reflection";
import { eventRouter } from "./routers/event";
import { fileRouter } from "./routers/file";
import { storyRouter } from "./routers/story";
import { subGroupRouter } from "./routers/sub-group";
import { systemRouter } from "./routers/system";
import { transparencyRouter } from "./routers/transparency";

export const appRouter = router({
  system: systemRouter,
  me: meRouter,
  partnership: partnershipRouter,
  membership: membershipRouter,
  invitation: invitationRouter,
  memberImport: memberImportRouter,
  job: jobRouter,
  priorityArea: priorityAreaRouter,
  subGroup: subGroupRouter,
  discussion: discussionRouter,
  directory: directoryRouter,
  notification: notificationRouter,
  funding: fundingRouter,
  proposal: proposalRouter,
  assessment: assessmentRouter,
  project: projectRouter,
  file: fileRouter,
  portfolio: portfolioRouter,
  transparency: transparencyRouter,
  story: storyRouter,
  event: eventRouter,
  reflection: reflectionRouter,
  library: libraryRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
