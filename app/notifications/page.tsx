import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";
import { paths } from "@/lib/paths";
import { requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ show?: string | string[]; after?: string | string[] }> };

export default async function NotificationsPage({ searchParams }: Props) {
  await requireSignedIn(paths.notifications());
  const { show, after } = await searchParams;
  const unreadOnly = show === "unread";
  const cursor = typeof after === "string" && after ? after : undefined;
  const api = await getApi();
  const [unread, page] = await Promise.all([
    api.notification.unreadCount(),
    api.notification.list({ unreadOnly, cursor }).catch((error: unknown) => {
      // A page link that no longer fits (e.g. the notification is gone): start from the newest.
      if (cursor && error instanceof TRPCError && error.code === "BAD_REQUEST") return api.notification.list({ unreadOnly });
      throw error;
    }),
  ]);
  const filters = [
    { href: paths.notificationsPage(), label: "All", current: !unreadOnly },
    { href: paths.notificationsPage({ unreadOnly: true }), label: "Unread only", current: unreadOnly },
  ];

  return (
    <>
      <PageHeader
        title="Notifications"
        lead={unread === 0 ? "You have no unread notifications." : `You have ${unread} unread ${unread === 1 ? "notification" : "notifications"}.`}
      />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <nav aria-label="Which notifications">
          <ul className="flex gap-2">
            {filters.map((filter) => (
              <li key={filter.href}>
                <Link
                  href={filter.href}
                  aria-current={filter.current ? "page" : undefined}
                  className={`inline-block px-3 py-2 ${filter.current ? "border-b-4 border-brand-800 font-semibold text-slate-900 no-underline" : ""}`}
                >
                  {filter.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <MarkAllReadButton unread={unread} />
      </div>

      {page.items.length === 0 ? (
        <p>{unreadOnly ? "Nothing unread." : "No notifications yet. You will be told here when someone mentions you or something changes for you."}</p>
      ) : (
        <NotificationList items={page.items} />
      )}
      <nav aria-label="Notification pages" className="mt-4 flex flex-wrap gap-4">
        {cursor ? <Link href={paths.notificationsPage({ unreadOnly })}>Newest notifications</Link> : null}
        {page.nextCursor ? (
          <Link href={paths.notificationsPage({ unreadOnly, after: page.nextCursor })}>Older notifications</Link>
        ) : null}
      </nav>
      <p className="mt-8 text-slate-700">
        Some notifications also arrive by email, at most one email every 15 minutes.{" "}
        <Link href={paths.account()}>Choose which ones in your account</Link>.
      </p>
    </>
  );
}
