import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { signInErrorMessage } from "@/lib/sign-in-errors";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  const code = typeof error === "string" ? error : "";
  return (
    <>
      <PageHeader title="There was a problem signing you in" lead={signInErrorMessage(code)} />
      <Link href={paths.signIn()}>Back to sign in</Link>
    </>
  );
}
