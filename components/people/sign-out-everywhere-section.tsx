import { Button } from "@/components/ui/button";

/** Ends every session of the signed-in person (a plain form post: works without script). */
export function SignOutEverywhereSection() {
  return (
    <section aria-labelledby="sign-out-everywhere">
      <h2 id="sign-out-everywhere" className="text-2xl font-semibold">
        Signed-in devices
      </h2>
      <p className="mt-1 mb-4 max-w-prose text-slate-700">
        If you signed in on a shared or lost computer or phone, sign out of every device. Every place where you are signed in
        to Tandem, including this one, is signed out at once; you can sign in again straight away with an email link.
      </p>
      <form action="/api/sign-out-everywhere" method="post">
        <Button type="submit" variant="secondary">
          Sign out of every device
        </Button>
      </form>
    </section>
  );
}
