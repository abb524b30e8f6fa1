import { describeForLog, log } from "@/server/log";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SessionTimeoutWarning } from "@/components/auth/session-timeout-warning";
import { SiteHeader } from "@/components/layout/site-header";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getEnv, outboxEnabled } from "@/server/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tandem", template: "%s · Tandem" },
  description:
    "Tandem helps cross-sector health and social care partnerships agree priorities, co-write and fund test projects, and learn together.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  const env = getEnv();
  // The header's unread badge; a failure here must never break the page.
  const unreadNotifications = actor
    ? await getApi()
        .then((api) => api.notification.unreadCount())
        .catch((error: unknown) => {
          log.error({ err: describeForLog(error) }, "could not count unread notifications");
          return null;
        })
    : null;
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader actor={actor} showOutbox={outboxEnabled(env)} unreadNotifications={unreadNotifications} />
        {env.TANDEM_DEMO_MODE ? (
          <p className="bg-amber-100 px-4 py-1 text-center text-sm text-amber-950">
            Demo installation: the people and organisations here are examples.
          </p>
        ) : null}
        {actor ? <SessionTimeoutWarning idleMinutes={env.TANDEM_SESSION_IDLE_MINUTES} /> : null}
        <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none md:py-8">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-slate-50">
          <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-6 text-sm text-slate-700 sm:flex-row sm:items-baseline sm:justify-between">
            <p>Tandem: cross-sector partnership working in health and social care.</p>
            <nav aria-label="About this site">
              <ul className="flex flex-wrap gap-x-6 gap-y-2">
                <li>
                  <a href={paths.accessibilityStatement()}>Accessibility statement</a>
                </li>
                <li>
                  <a href={paths.privacyNotice()}>Privacy notice</a>
                </li>
                <li>
                  <a href={paths.cookies()}>Cookies</a>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
