import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClass } from "@/components/ui/button-styles";
import { paths } from "@/lib/paths";
import { CompactMenu } from "./compact-menu";
import type { Actor } from "@/server/auth/session";

export function SiteHeader({
  actor,
  showOutbox,
  unreadNotifications = null,
}: {
  actor: Actor | null;
  showOutbox: boolean;
  /** The signed-in person's unread notifications (null when not known). */
  unreadNotifications?: number | null;
}) {
  return (
    <header className="border-b-4 border-brand-800 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2 md:py-3">
        <Link href="/" className="text-2xl font-bold text-brand-900 no-underline" aria-label="Tandem, home">
          Tandem
        </Link>
        <CompactMenu id="site-menu" label="Menu">
        <nav aria-label="Main" className="flex flex-col items-start gap-x-2 gap-y-1 pb-2 md:flex-row md:flex-wrap md:items-center md:pb-0">
          <ul className="flex flex-col items-start gap-x-2 md:flex-row md:flex-wrap md:items-center">
            {actor ? (
              <li>
                <Link href="/" className={buttonClass.quiet}>
                  My partnerships
                </Link>
              </li>
            ) : null}
            {actor ? (
              <li>
                <NotificationsLink unread={unreadNotifications} />
              </li>
            ) : null}
            {actor ? (
              <li>
                <Link href={paths.account()} className={buttonClass.quiet}>
                  Your account
                </Link>
              </li>
            ) : null}
            {showOutbox ? (
              <li>
                <Link href={paths.outbox()} className={buttonClass.quiet}>
                  Outbox
                </Link>
              </li>
            ) : null}
          </ul>
          {actor ? (
            <div className="flex flex-wrap items-center gap-x-2">
              <span className="text-sm text-slate-700">
                Signed in as <span className="font-semibold text-slate-900">{actor.name ?? actor.email}</span>
              </span>
              <SignOutButton />
            </div>
          ) : (
            <Link href={paths.signIn()} className={buttonClass.secondary}>
              Sign in
            </Link>
          )}
        </nav>
        </CompactMenu>
      </div>
    </header>
  );
}

/** "Notifications", with the unread count shown as a badge and spoken as "Notifications, 3 unread". */
function NotificationsLink({ unread }: { unread: number | null }) {
  return (
    <Link
      href={paths.notifications()}
      className={`${buttonClass.quiet} gap-1.5`}
      aria-label={unread ? `Notifications, ${unread} unread` : undefined}
    >
      Notifications
      {unread ? (
        <span aria-hidden="true" className="rounded-full bg-red-800 px-2 text-sm leading-6 font-semibold text-white no-underline">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
