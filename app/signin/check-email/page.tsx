import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { getEnv, outboxEnabled } from "@/server/env";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  const env = getEnv();
  return (
    <>
      <PageHeader
        title="Check your email"
        lead="We have sent you a link to sign in. It works once and expires in one hour."
      />
      <p className="max-w-prose text-slate-700">
        Not arrived after a few minutes? Check your junk folder, or <Link href={paths.signIn()}>ask for a new link</Link>.
      </p>
      {outboxEnabled(env) && env.TANDEM_DEMO_MODE ? (
        <p className="mt-6 max-w-prose rounded-md border border-amber-400 bg-amber-50 p-4">
          This is a demo without an email server. Sign-in links for the demo people (and for made-up addresses ending in
          &ldquo;.example&rdquo;) go to the <Link href={paths.outbox()}>developer outbox</Link>; for any other address no link is sent
          or shown.{" "}
          <Link href={paths.signIn()}>Sign in as a demo person</Link> instead.
        </p>
      ) : outboxEnabled(env) ? (
        <p className="mt-6 max-w-prose rounded-md border border-amber-400 bg-amber-50 p-4">
          This installation has no email server set up, so emails go to the{" "}
          <Link href={paths.outbox()}>developer outbox</Link> instead.
        </p>
      ) : null}
    </>
  );
}
