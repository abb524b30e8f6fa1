import type { Metadata } from "next";
import { CookiesList } from "@/components/statements/cookies-list";
import { PageHeader } from "@/components/ui/page-header";
import { installationDetails } from "@/server/domain/statements/installation";
import { getEnv } from "@/server/env";

export const metadata: Metadata = { title: "Cookies" };
export const dynamic = "force-dynamic";

export default function CookiesPage() {
  return (
    <>
      <PageHeader title="Cookies" />
      <CookiesList details={installationDetails(getEnv())} />
    </>
  );
}
