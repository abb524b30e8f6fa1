import type { ReactNode } from "react";
import { PartnershipNav } from "@/components/partnerships/partnership-nav";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/** The partnership's section navigation, for its members only (pages decide what else to show). */
export default async function PartnershipLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const parsed = partnershipSlug.safeParse(slug);
  let role: string | null = null;
  if (parsed.success && (await getCurrentActor())) {
    const api = await getApi();
    role = await api.partnership.overview({ partnershipSlug: parsed.data }).then(
      (overview) => overview.myRole,
      () => null,
    );
  }
  return (
    <>
      {role ? <PartnershipNav
          slug={slug}
          showAdministration={role === "OFFICER"}
          showFunding={role === "OFFICER" || role === "CHAIR"}
        /> : null}
      {children}
    </>
  );
}
