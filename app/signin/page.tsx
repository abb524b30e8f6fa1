import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { OidcSignInButton } from "@/components/auth/oidc-sign-in-button";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS, SECTOR_SHORT_LABELS } from "@/lib/sectors";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getDb } from "@/server/db/client";
import { listDemoPeople } from "@/server/domain/demo/demo-sign-in";
import { oidcProviderSettings } from "@/server/auth/oidc";
import { getEnv } from "@/server/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Only same-site paths are followed after sign-in. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && candidate.startsWith("/") && !candidate.startsWith("//") ? candidate : "/";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);

  const env = getEnv();
  const oidcProviders = oidcProviderSettings(env).map(({ id, name }) => ({ id, name }));
  const demoPeople = env.TANDEM_DEMO_MODE ? await listDemoPeople(getDb()) : [];
  const demoError = typeof params.demoError === "string" ? params.demoError : null;
  const signedOutEverywhere = params.signedOut === "everywhere";

  return (
    <>
      <PageHeader title="Sign in to Tandem" />
      {signedOutEverywhere ? (
        <p role="status" className="mb-6 max-w-prose rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-lg">
          You have been signed out of every device, including this one. Sign in again to carry on.
        </p>
      ) : null}
      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="email-sign-in">
          <h2 id="email-sign-in" className="sr-only">
            Sign in with email
          </h2>
          <EmailSignInForm callbackUrl={callbackUrl} />
          {oidcProviders.length > 0 ? (
            <div className="mt-8 border-t border-slate-300 pt-6">
              <p className="mb-3 text-slate-700">Or use your work account:</p>
              <ul className="flex flex-wrap gap-3">
                {oidcProviders.map((provider) => (
                  <li key={provider.id}>
                    <OidcSignInButton providerId={provider.id} label={provider.name} callbackUrl={callbackUrl} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        {env.TANDEM_DEMO_MODE ? (
          <section aria-labelledby="demo-sign-in" className="rounded-lg border border-amber-400 bg-amber-50 p-5">
            <h2 id="demo-sign-in" className="text-xl font-semibold">
              Try the demo as…
            </h2>
            <p className="mt-1 text-slate-700">Sign in straight away as one of the example people.</p>
            {demoError ? (
              <p role="alert" className="mt-3 font-semibold text-red-800">
                {demoError}
              </p>
            ) : null}
            <ul className="mt-4 space-y-2">
              {demoPeople.map((person) => (
                <li key={person.email}>
                  <form action="/api/demo-sign-in" method="post">
                    <input type="hidden" name="email" value={person.email} />
                    <Button type="submit" variant="secondary" className="w-full justify-start text-left">
                      <span>
                        <span className="block">{person.name}</span>
                        <span className="block text-sm font-normal text-slate-700">
                          {person.memberships
                            .map((m) => `${ROLE_LABELS[m.role]}, ${m.partnership.name}`)
                            .join("; ")}
                          {person.organisation
                            ? ` · ${person.organisation.name} (${SECTOR_SHORT_LABELS[person.organisation.sector]})`
                            : " · Local resident"}
                        </span>
                      </span>
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
