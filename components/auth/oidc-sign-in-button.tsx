"use client";

import { signIn } from "next-auth/react";
import { buttonClass } from "@/components/ui/button-styles";

export function OidcSignInButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  return (
    <button type="button" className={buttonClass.secondary} onClick={() => void signIn(providerId, { callbackUrl })}>
      Sign in with {label}
    </button>
  );
}
