"use client";

import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function OidcSignInButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  return (
    <Button variant="secondary" onClick={() => void signIn(providerId, { callbackUrl })}>
      Sign in with {label}
    </Button>
  );
}
