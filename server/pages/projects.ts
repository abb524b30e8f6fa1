import "server-only";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { projectRefInput } from "@/lib/schemas/projects";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn, samePartnershipOr404 } from "./load";

/**
 * The funded project for its pages, fetched once per request through the API (so the
 * policy applies). Signed-out visitors go to sign in; a project the viewer may not see, or
 * one of another partnership than the address names, is "not found".
 */
export const loadProject = cache(async (slug: string, projectId: string, here: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(projectRefInput, { projectId });
  await requireSignedIn(here);
  const api = await getApi();
  const project = await loadOr404(() => api.project.get({ projectId }), { here });
  samePartnershipOr404(slug, project.partnership.slug);
  return project;
});

export type LoadedProject = Awaited<ReturnType<typeof loadProject>>;

