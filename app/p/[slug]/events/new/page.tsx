import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { EventForm } from "@/components/events/event-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Create an event" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** Officers and chairs create any event; sub-group leads arrange meetings of their sub-groups. */
export default async function NewEventPage({ params }: Props) {
  const { slug } = await params;
  paramOr404(partnershipSlug, slug);
  const here = paths.newEvent(slug);
  await requireSignedIn(here);
  const api = await getApi();
  const list = await loadOr404(() => api.event.list({ partnershipSlug: slug, when: "upcoming" }), { here });
  const { kinds, subGroups } = list.create;

  return (
    <>
      <p className="mb-2">
        <Link href={paths.events(slug)}>Back to events</Link>
      </p>
      <PageHeader title="Create an event" />
      {kinds.length === 0 ? (
        <p className="max-w-prose">
          Events are created by the partnership&apos;s officers and chairs; sub-group leads can arrange meetings of their own
          sub-group. Ask an officer if you would like to run an event.
        </p>
      ) : (
        <EventForm
          mode="create"
          slug={slug}
          kinds={kinds}
          subGroups={subGroups}
          initial={{
            kind: kinds[0]!,
            subGroupId: kinds.length === 1 && subGroups.length === 1 ? subGroups[0]!.id : "",
            title: "",
            description: "",
            date: "",
            startTime: "",
            endTime: "",
            onlineUrl: "",
            venueName: "",
            venueAddress: "",
            accessibilityNotes: "",
            capacity: "",
            speakers: [],
          }}
        />
      )}
    </>
  );
}
