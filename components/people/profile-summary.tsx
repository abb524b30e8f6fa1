"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { SECTOR_LABELS } from "@/lib/sectors";

/**
 * The parts of the signed-in person's account they do not edit on the account page: how
 * they sign in and the organisation they belong to (read through the API, prefetched by
 * the page). Name, job title and the rest are edited, and previewed, in ProfileForm.
 */
function ProfileSummary() {
  const trpc = useTRPC();
  const { data: profile } = useSuspenseQuery(trpc.me.profile.queryOptions());
  const rows: [string, string][] = [
    ["Email address you sign in with", profile.email],
    [
      "Organisation",
      profile.organisation
        ? `${profile.organisation.name} (${SECTOR_LABELS[profile.organisation.sector]})`
        : "Taking part as an individual",
    ],
  ];
  return (
    <dl className="max-w-2xl divide-y divide-slate-200 border-y border-slate-200">
      {rows.map(([label, value]) => (
        <div key={label} className="grid gap-1 py-3 sm:grid-cols-3">
          <dt className="font-semibold">{label}</dt>
          <dd className="break-words sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ProfileSummaryWithApi = withApi(ProfileSummary);
export { ProfileSummaryWithApi as ProfileSummary };
