import type { Metadata } from "next";
import { PrivacyNotice } from "@/components/statements/privacy-notice";
import { PageHeader } from "@/components/ui/page-header";
import { installationDetails } from "@/server/domain/statements/installation";
import { getEnv } from "@/server/env";

export const metadata: Metadata = { title: "Privacy notice" };
export const dynamic = "force-dynamic";

export default function PrivacyNoticePage() {
  return (
    <>
      <PageHeader title="Privacy notice" lead="What Tandem holds about you, why, who sees it, how long it is kept, and your rights." />
      <PrivacyNotice details={installationDetails(getEnv())} />
    </>
  );
}
