import {
  createInvitationInput,
  invitationPreviewOutput,
  invitationRefInput,
  invitationTokenInput,
} from "@/lib/schemas/invitations";
import { getEnv } from "@/server/env";
import { partnershipProcedure, publicProcedure, router, signedInProcedure } from "@/server/api/trpc";
import {
  acceptInvitation,
  createInvitation,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "@/server/domain/invitations/invitations";

/** Invitations by email: officers send them; the link's holder previews and accepts. */
export const invitationRouter = router({
  create: partnershipProcedure
    .input(createInvitationInput)
    .mutation(({ ctx, input }) =>
      createInvitation(
        ctx.db,
        ctx.actor,
        ctx.membership.partnershipId,
        { email: input.email, role: input.role },
        getEnv(),
        ctx.siteOrigin,
      ),
    ),
  resend: partnershipProcedure
    .input(invitationRefInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.actor, ctx.membership.partnershipId, input, getEnv(), ctx.siteOrigin)),
  revoke: partnershipProcedure
    .input(invitationRefInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  preview: publicProcedure
    .input(invitationTokenInput)
    .output(invitationPreviewOutput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  accept: signedInProcedure
    .input(invitationTokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.actor, input)),
});
