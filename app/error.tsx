"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1 className="text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mt-3 max-w-prose text-lg text-slate-700">
        Nothing you entered has been lost. Please try again. If it keeps happening, tell your partnership officer
        {error.digest ? (
          <>
            {" "}
            and quote reference <code className="rounded bg-slate-100 px-1">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </>
  );
}
