import { partnershipRefInput } from "@/lib/schemas/partnership";
import { retryJobInput } from "@/lib/schemas/jobs";
import { partnershipProcedure, router } from "@/server/api/trpc";
import { failingJobs, retryPartnershipJob } from "@/server/domain/jobs/officer-view";

export const jobRouter = router({
  failing: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => failingJobs(ctx.db, ctx.membership.partnershipId)),
  retry: partnershipProcedure
    .input(retryJobInput)
    .mutation(({ ctx, input }) => retryPartnershipJob(ctx.db, ctx.membership.partnershipId, input.jobId)),
});
