import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { ApiProvider } from "@/components/providers/trpc-provider";
import type { Metadata } from "next";
import { CalendarFeedSection } from "@/components/account/calendar-feed-section";
import { CloseAccountSection } from "@/components/account/close-account-section";
import { DataExportSection } from "@/components/account/data-export-section";
import { NotificationSettingsForm } from "@/components/people/notification-settings-form";
import { ProfileForm } from "@/components/people/profile-form";
import { ProfileSummary } from "@/components/people/profile-summary";
import { SignOutEverywhereSection } from "@/components/people/sign-out-everywhere-section";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, getTrpc } from "@/server/api/server-caller";
import { paths } from "@/lib/paths";
import { requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  await requireSignedIn(paths.account());
  const trpc = await getTrpc();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.me.profile.queryOptions());
  await queryClient.prefetchQuery(trpc.me.calendarFeed.queryOptions());
  await queryClient.prefetchQuery(trpc.me.accountClosure.queryOptions());
  await queryClient.prefetchQuery(trpc.me.dataExports.queryOptions());
  return (
    <>
      <PageHeader
        title="Your account"
        lead="How you appear to the partnerships you take part in, and which emails you receive."
      />
      <ApiProvider>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <div className="space-y-12">
            <section aria-labelledby="account-details">
              <h2 id="account-details" className="mb-3 text-2xl font-semibold">
                Your details
              </h2>
              <ProfileSummary />
              <p className="mt-2 text-slate-700">To change your organisation, ask an officer of your partnership.</p>
            </section>
            <section aria-labelledby="directory-profile">
              <h2 id="directory-profile" className="text-2xl font-semibold">
                Your directory profile
              </h2>
              <p className="mt-1 mb-4 max-w-prose text-slate-700">
                Members of your partnerships use the directory to find people to work with. You choose what they see.
              </p>
              <ProfileForm />
            </section>
            <section aria-labelledby="email-settings">
              <h2 id="email-settings" className="text-2xl font-semibold">
                Email notifications
              </h2>
              <div className="mt-3">
                <NotificationSettingsForm />
              </div>
            </section>
            <CalendarFeedSection />
            <SignOutEverywhereSection />
            <CloseAccountSection />
            <DataExportSection />
          </div>
        </HydrationBoundary>
      </ApiProvider>
    </>
  );
}
