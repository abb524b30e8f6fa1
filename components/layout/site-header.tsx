import { Link } from "@/components/ui/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ButtonLink } from "@/components/ui/button";
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
        <Link href={paths.home()} className="text-2xl font-bold text-brand-900 no-underline" aria-label="Tandem, home">
          Tandem
        </Link>
        <CompactMenu id="site-menu" label="Menu">
        <nav aria-label="Main" className="flex flex-col items-start gap-x-2 gap-y-1 pb-2 md:flex-row md:flex-wrap md:items-center md:pb-0">
          <ul className="flex flex-col items-start gap-x-2 md:flex-row md:flex-wrap md:items-center">
            {actor ? (
              <li>
                <ButtonLink href={paths.home()} variant="quiet">
                  My partnerships
                </ButtonLink>
              </li>
            ) : null}
            {actor ? (
              <li>
                <NotificationsLink unread={unreadNotifications} />
              </li>
            ) : null}
            {actor ? (
              <li>
                <ButtonLink href={paths.account()} variant="quiet">
                  Your account
                </ButtonLink>
              </li>
            ) : null}
            {showOutbox ? (
              <li>
                <ButtonLink href={paths.outbox()} variant="quiet">
                  Outbox
                </ButtonLink>
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
            <ButtonLink href={paths.signIn()} variant="secondary">
              Sign in
            </ButtonLink>
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
    <ButtonLink
      href={paths.notifications()}
      variant="quiet"
      className="gap-1.5"
      aria-label={unread ? `Notifications, ${unread} unread` : undefined}
    >
      Notifications
      {unread ? (
        <span aria-hidden="true" className="rounded-full bg-red-800 px-2 text-sm leading-6 font-semibold text-white no-underline">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </ButtonLink>
  );
}
