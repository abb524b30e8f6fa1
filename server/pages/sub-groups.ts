import "server-only";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { subGroupRefInput } from "@/lib/schemas/sub-groups";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn, samePartnershipOr404 } from "./load";

/**
 * The sub-group for its layout and pages, fetched once per request through the API (so the
 * same policy applies). Signed-out visitors go to sign in; anything not visible, or not in
 * the partnership of the address, is "not found".
 */
export const loadSubGroup = cache(async (slug: string, groupId: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(subGroupRefInput, { subGroupId: groupId });
  const here = paths.subGroup(slug, groupId);
  await requireSignedIn(here);
  const api = await getApi();
  const group = await loadOr404(() => api.subGroup.get({ subGroupId: groupId }), { here });
  samePartnershipOr404(slug, group.partnershipSlug);
  return group;
});

export type LoadedSubGroup = Awaited<ReturnType<typeof loadSubGroup>>;
