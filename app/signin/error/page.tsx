import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one.",
  EmailSignin: "We could not send the sign-in email. Please try again in a moment.",
  OAuthSignin: "We could not reach your organisation's sign-in service. Please try again.",
  OAuthCallback: "Your organisation's sign-in service did not complete the sign-in. Please try again.",
  OAuthAccountNotLinked: "That email address already signs in another way. Use the email link instead.",
  AccessDenied: "You do not have access to sign in.",
  Configuration: "Sign-in is not set up correctly on this installation. Please tell the administrator.",
};

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  const code = typeof error === "string" ? error : "";
  return (
    <>
      <PageHeader title="There was a problem signing you in" lead={MESSAGES[code] ?? "Please try signing in again."} />
      <Link href="/signin">Back to sign in</Link>
    </>
  );
}
