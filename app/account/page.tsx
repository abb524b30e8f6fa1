import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileSummary } from "@/components/people/profile-summary";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, getTrpc } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  if (!(await getCurrentActor())) redirect("/signin?callbackUrl=/account");
  const trpc = await getTrpc();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.me.profile.queryOptions());
  return (
    <>
      <PageHeader title="Your account" lead="How you appear to the partnerships you take part in." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProfileSummary />
      </HydrationBoundary>
    </>
  );
}
