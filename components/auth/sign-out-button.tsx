"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Ends the session in the database, then goes to `callbackUrl` (home by default). */
export function SignOutButton({ callbackUrl = "/", label = "Sign out" }: { callbackUrl?: string; label?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="quiet"
      pending={pending}
      pendingLabel="Signing out…"
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {label}
    </Button>
  );
}
