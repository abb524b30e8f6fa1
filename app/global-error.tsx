"use client";

import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <main id="main-content" className="mx-auto max-w-3xl px-4 py-10">
          <h1 className="text-3xl font-bold">Sorry, Tandem is having a problem</h1>
          <p className="mt-3 text-lg">
            Please try again in a moment.
            {error.digest ? ` Reference: ${error.digest}.` : ""}
          </p>
          <button type="button" className="mt-6 rounded-md bg-brand-800 px-4 py-2 font-semibold text-white" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
