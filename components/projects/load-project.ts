import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { projectRefInput } from "@/lib/schemas/projects";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/**
 * The funded project for its pages, fetched once per request through the API (so the
 * policy applies). Signed-out visitors go to sign in; a project the viewer may not see, or
 * one of another partnership than the address names, is "not found".
 */
export const loadProject = cache(async (slug: string, projectId: string, here: string) => {
  if (!partnershipSlug.safeParse(slug).success || !projectRefInput.safeParse({ projectId }).success) notFound();
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const api = await getApi();
  try {
    const project = await api.project.get({ projectId });
    if (project.partnership.slug !== slug) notFound();
    return project;
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
});

export type LoadedProject = Awaited<ReturnType<typeof loadProject>>;
