import { ownerFilesInput, removeFileInput, storageUseInput } from "@/lib/schemas/files";
import { partnershipProcedure, router, signedInProcedure } from "@/server/api/trpc";
import { listOwnerFiles, partnershipStorageUse, removeFile } from "@/server/domain/files/files";
import { storeOfVersion } from "@/server/domain/files/store";
import { getEnv } from "@/server/env";

/**
 * Files attached to proposals, updates, evaluations...: each decision is the owner's own
 * rule (server/domain/files/access.ts). Uploads and downloads are the routes under
 * app/api/files, which stream.
 */
export const fileRouter = router({
  list: signedInProcedure.input(ownerFilesInput).query(({ ctx, input }) => listOwnerFiles(ctx.db, ctx.actor, input.ownerKind, input.ownerId)),
  remove: signedInProcedure
    .input(removeFileInput)
    .mutation(({ ctx, input }) => removeFile(ctx.db, (storage) => storeOfVersion(ctx.db, getEnv(), storage), ctx.actor, input.fileId)),
  storageUse: partnershipProcedure
    .input(storageUseInput)
    .query(({ ctx }) => partnershipStorageUse(ctx.db, ctx.membership.partnershipId, getEnv().TANDEM_PARTNERSHIP_STORAGE_BYTES)),
});
