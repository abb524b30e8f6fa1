import { confirmImportInput, importBatchInput, uploadImportInput } from "@/lib/schemas/imports";
import { partnershipProcedure, router } from "@/server/api/trpc";
import { cancelImport, confirmImport, getImportBatch, getImportProgress, previewImport } from "@/server/domain/imports/member-import";

/** Importing members from a spreadsheet (officers): upload and preview, then confirm or cancel. */
export const memberImportRouter = router({
  upload: partnershipProcedure
    .input(uploadImportInput)
    .mutation(({ ctx, input }) =>
      previewImport(ctx.db, ctx.actor, ctx.membership.partnershipId, {
        fileName: input.fileName,
        content: new Uint8Array(Buffer.from(input.contentBase64, "base64")),
      }),
    ),
  batch: partnershipProcedure
    .input(importBatchInput)
    .query(({ ctx, input }) => getImportBatch(ctx.db, ctx.membership.partnershipId, input.batchId)),
  progress: partnershipProcedure
    .input(importBatchInput)
    .query(({ ctx, input }) => getImportProgress(ctx.db, ctx.membership.partnershipId, input.batchId)),
  confirm: partnershipProcedure
    .input(confirmImportInput)
    .mutation(({ ctx, input }) => confirmImport(ctx.db, ctx.actor, ctx.membership.partnershipId, input, ctx.siteOrigin)),
  cancel: partnershipProcedure
    .input(importBatchInput)
    .mutation(({ ctx, input }) => cancelImport(ctx.db, ctx.membership.partnershipId, input)),
});
