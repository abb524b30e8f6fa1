import { signOut } from "@/server/auth/sign-out";
import { PendingSubmit } from "@/components/ui/pending-submit";

/** Ends the session in the database, then goes to `callbackUrl` (home by default). A plain form: it works before the page's scripts load. */
export function SignOutButton({ callbackUrl = "/", label = "Sign out" }: { callbackUrl?: string; label?: string }) {
  return (
    <form action={signOut}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <PendingSubmit variant="quiet" pendingLabel="Signing out…">
        {label}
      </PendingSubmit>
    </form>
  );
}
