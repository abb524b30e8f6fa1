import {
  addLibraryDocumentInput,
  addLibraryLinkInput,
  browseLibraryInput,
  createLibraryFolderInput,
  libraryFolderRefInput,
  libraryResourceRefInput,
  moveLibraryFolderInput,
  moveLibraryResourceInput,
  publicLibraryInput,
  publicLibraryOutput,
  renameLibraryFolderInput,
  updateLibraryResourceInput,
} from "@/lib/schemas/library";
import { libraryResourceProcedure, partnershipProcedure, publicProcedure, router } from "@/server/api/trpc";
import { createFolder, moveFolder, removeFolder, renameFolder } from "@/server/domain/library/folders";
import { browseLibrary, getResource, publicLibrary } from "@/server/domain/library/queries";
import { storeOfVersion } from "@/server/domain/files/store";
import { addDocument, addLink, moveResource, removeResource, updateResource } from "@/server/domain/library/resources";
import { getEnv } from "@/server/env";

/**
 * The partnership's resource library: officers and chairs curate folders and the public
 * page; members share links and documents. The policy has proved membership and, for a resource, whether
 * the actor added it (ctx.grant.libraryResource).
 */
export const libraryRouter = router({
  browse: partnershipProcedure.input(browseLibraryInput).query(({ ctx, input }) => browseLibrary(ctx.db, ctx.grant, input)),
  get: libraryResourceProcedure.input(libraryResourceRefInput).query(({ ctx }) => getResource(ctx.db, ctx.grant)),
  createFolder: partnershipProcedure.input(createLibraryFolderInput).mutation(({ ctx, input }) => createFolder(ctx.db, ctx.actor, ctx.grant, input)),
  renameFolder: partnershipProcedure.input(renameLibraryFolderInput).mutation(({ ctx, input }) => renameFolder(ctx.db, ctx.actor, ctx.grant, input)),
  moveFolder: partnershipProcedure.input(moveLibraryFolderInput).mutation(({ ctx, input }) => moveFolder(ctx.db, ctx.actor, ctx.grant, input)),
  removeFolder: partnershipProcedure.input(libraryFolderRefInput).mutation(({ ctx, input }) => removeFolder(ctx.db, ctx.actor, ctx.grant, input)),
  addLink: partnershipProcedure.input(addLibraryLinkInput).mutation(({ ctx, input }) => addLink(ctx.db, ctx.actor, ctx.grant, input)),
  addDocument: partnershipProcedure.input(addLibraryDocumentInput).mutation(({ ctx, input }) => addDocument(ctx.db, ctx.actor, ctx.grant, input)),
  updateResource: libraryResourceProcedure
    .input(updateLibraryResourceInput)
    .mutation(({ ctx, input }) => updateResource(ctx.db, ctx.actor, ctx.grant, input)),
  moveResource: libraryResourceProcedure.input(moveLibraryResourceInput).mutation(({ ctx, input }) => moveResource(ctx.db, ctx.actor, ctx.grant, input)),
  removeResource: libraryResourceProcedure.input(libraryResourceRefInput).mutation(({ ctx }) => removeResource(ctx.db, (storage) => storeOfVersion(ctx.db, getEnv(), storage), ctx.actor, ctx.grant)),
  publicList: publicProcedure
    .input(publicLibraryInput)
    .output(publicLibraryOutput)
    .query(({ ctx, input }) => publicLibrary(ctx.db, input.partnershipSlug)),
});
