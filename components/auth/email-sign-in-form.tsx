"use client";

import { getCsrfToken } from "next-auth/react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { emailSignInInput } from "@/lib/schemas/auth";

/**
 * Asks next-auth to email a sign-in link (what `signIn("email")` does), reading the answer
 * itself so a refusal's message can be shown: gives that message, or goes on to the page
 * next-auth names ("Check your email") and gives null.
 */
async function requestSignInLink(email: string, callbackUrl: string): Promise<string | null> {
  const csrfToken = (await getCsrfToken()) ?? "";
  const response = await fetch("/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, csrfToken, callbackUrl, json: "true" }),
  });
  const answer = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
  if (response.status === 429 || response.status === 403) {
    return answer.message ?? "Too many sign-in links were asked for. Please try again later.";
  }
  window.location.href = answer.url ?? "/signin/error?error=EmailSignin";
  return null;
}

export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = emailSignInInput.safeParse({ email: new FormData(event.currentTarget).get("email") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter your email address");
      document.getElementById(inputId)?.focus();
      return;
    }
    setError(null);
    setPending(true);
    const refusal = await requestSignInLink(parsed.data.email, callbackUrl);
    if (refusal) {
      // Too many links asked for (429), or an address that needs an invitation (403).
      setError(refusal);
      setPending(false);
      document.getElementById(inputId)?.focus();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <div>
        <label htmlFor={inputId} className="block text-lg font-semibold">
          Email address
        </label>
        <p id={`${inputId}-hint`} className="text-slate-700">
          We will email you a link to sign in. No password needed.
        </p>
        {error ? (
          <p id={errorId} className="mt-1 font-semibold text-red-800" role="alert">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
        <input
          id={inputId}
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-hint ${errorId}` : `${inputId}-hint`}
          className={`mt-2 block w-full rounded-md border-2 px-3 py-2 text-lg ${error ? "border-red-800" : "border-slate-700"}`}
        />
      </div>
      <Button type="submit" pending={pending} pendingLabel="Sending link…">
        Email me a sign-in link
      </Button>
    </form>
  );
}
