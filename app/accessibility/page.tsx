import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccessibilityStatement } from "@/components/statements/accessibility-statement";
import { PageHeader } from "@/components/ui/page-header";
import { installationDetails } from "@/server/domain/statements/installation";
import { getEnv } from "@/server/env";
import { originFromHeaders } from "@/server/site-address";

export const metadata: Metadata = { title: "Accessibility statement" };
export const dynamic = "force-dynamic";

export default async function AccessibilityStatementPage() {
  const env = getEnv();
  const siteAddress = originFromHeaders(await headers(), env);
  return (
    <>
      <PageHeader title="Accessibility statement for Tandem" />
      <AccessibilityStatement details={installationDetails(env)} siteAddress={siteAddress} />
    </>
  );
}
