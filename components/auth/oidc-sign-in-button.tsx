"use client";

import { signIn } from "next-auth/react";
import { buttonClass } from "@/components/ui/button-styles";

export function OidcSignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button type="button" className={buttonClass.secondary} onClick={() => void signIn("oidc", { callbackUrl })}>
      Sign in with {label}
    </button>
  );
}
