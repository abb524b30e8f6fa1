import type { ReactNode } from "react";
import { PartnershipNav } from "@/components/partnerships/partnership-nav";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/** The partnership's section navigation, for its members only; each link shows when the policy allows what it leads to. */
export default async function PartnershipLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const parsed = partnershipSlug.safeParse(slug);
  const viewer =
    parsed.success && (await getCurrentActor())
      ? await (await getApi()).partnership.viewer({ partnershipSlug: parsed.data }).catch(() => null)
      : null;
  return (
    <>
      {viewer ? (
        <PartnershipNav
          slug={slug}
          showAdministration={viewer.canAdminister}
          showFunding={viewer.canSeeFunding}
          showDashboard={viewer.canSeeDashboard}
        />
      ) : null}
      {children}
    </>
  );
}
