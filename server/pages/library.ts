import "server-only";
import { cache } from "react";
import { browseLibraryInput, libraryResourceRefInput } from "@/lib/schemas/library";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn, samePartnershipOr404 } from "@/server/pages/load";

/**
 * The library's pages read it through the API, so the policy decides what each viewer sees.
 * Signed-out visitors go to sign in; anyone outside the partnership, or a folder or resource
 * of another partnership, is "not found". A filter that is not valid is simply not applied.
 */
export const loadLibrary = cache(async (slug: string, query: { folder?: string; tag?: string; q?: string }, here: string) => {
  paramOr404(partnershipSlug, slug);
  await requireSignedIn(here);
  const view = browseLibraryInput.safeParse({ partnershipSlug: slug, folderId: query.folder || undefined, tag: query.tag || undefined, search: query.q || undefined });
  const input = view.success ? view.data : { partnershipSlug: slug };
  const api = await getApi();
  return loadOr404(() => api.library.browse(input), { here });
});

export const loadLibraryResource = cache(async (slug: string, resourceId: string, here: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(libraryResourceRefInput, { libraryResourceId: resourceId });
  await requireSignedIn(here);
  const api = await getApi();
  const loaded = await loadOr404(() => api.library.get({ libraryResourceId: resourceId }), { here });
  samePartnershipOr404(slug, loaded.partnership.slug);
  return loaded;
});
