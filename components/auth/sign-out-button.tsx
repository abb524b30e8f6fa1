"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";

/** Ends the session in the database, then goes to `callbackUrl` (home by default). */
export function SignOutButton({ callbackUrl = "/", label = "Sign out" }: { callbackUrl?: string; label?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={buttonClass.quiet}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {pending ? "Signing out…" : label}
    </button>
  );
}
