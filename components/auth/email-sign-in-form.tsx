"use client";

import { signIn } from "next-auth/react";
import { useId, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { emailSignInInput } from "@/lib/schemas/auth";

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
    await signIn("email", { email: parsed.data.email, callbackUrl });
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
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
