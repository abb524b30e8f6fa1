import { Button } from "@/components/ui/button";

/**
 * Ends the session in the database, then goes to `callbackUrl` (home by default). A plain
 * form post (app/api/sign-out): it works before the page's scripts load.
 */
export function SignOutButton({ callbackUrl = "/", label = "Sign out" }: { callbackUrl?: string; label?: string }) {
  return (
    <form action="/api/sign-out" method="post">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" variant="quiet">
        {label}
      </Button>
    </form>
  );
}
