import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { InvitationList } from "@/components/admin/invitation-list";
import { InviteForm } from "@/components/admin/invite-form";
import { LocalityManager } from "@/components/admin/locality-manager";
import { MemberTable } from "@/components/admin/member-table";
import { PartnershipDetailsForm } from "@/components/admin/partnership-details-form";
import { PublishPortfolioToggle } from "@/components/admin/publish-portfolio-toggle";
import { PageHeader } from "@/components/ui/page-header";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { ROLE_LABELS, SECTOR_SHORT_LABELS } from "@/lib/sectors";
import { isNotFoundError } from "@/server/api/errors";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import { TRPCError } from "@trpc/server";

export const metadata: Metadata = { title: "Administration" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
const when = (date: Date) => ({ label: dateFormat.format(date), iso: date.toISOString() });

/** Officers only: anyone else is shown "not found", as if the page did not exist. */
async function loadAdministration(slug: string) {
  const parsed = partnershipSlug.safeParse(slug);
  if (!parsed.success) notFound();
  const api = await getApi();
  try {
    const [overview, people] = await Promise.all([
      api.partnership.overview({ partnershipSlug: parsed.data }),
      api.membership.list({ partnershipSlug: parsed.data }),
    ]);
    const published = await api.transparency
      .portfolio({ partnershipSlug: parsed.data })
      .then(() => true)
      .catch((error: unknown) => {
        // The public page answers "not found" exactly when the partnership does not publish.
        if (isNotFoundError(error)) return false;
        throw error;
      });
    return { overview, people, published };
  } catch (error) {
    if (isNotFoundError(error) || (error instanceof TRPCError && error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export default async function AdministrationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await getCurrentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/p/${slug}/admin`)}`);
  const { overview, people, published } = await loadAdministration(slug);

  return (
    <>
      <PageHeader title="Administration" lead={`Run ${overview.name}: its details, localities, members and invitations.`} />

      <div className="space-y-12">
        <section aria-labelledby="details">
          <h2 id="details" className="mb-4 text-2xl font-semibold">
            Partnership details
          </h2>
          <PartnershipDetailsForm
            slug={overview.slug}
            initial={{
              name: overview.name,
              area: overview.area,
              description: overview.description,
              welcomeText: overview.welcomeText,
            }}
          />
        </section>

        <section aria-labelledby="localities">
          <h2 id="localities" className="text-2xl font-semibold">
            Localities
          </h2>
          <p className="mb-4 mt-1 max-w-prose text-slate-700">
            The places within the partnership&apos;s area. A locality can be removed once no organisation or member is
            placed in it.
          </p>
          <LocalityManager slug={overview.slug} localities={overview.localities} />
        </section>

        <section aria-labelledby="members">
          <h2 id="members" className="text-2xl font-semibold">
            Members
          </h2>
          <p className="mb-4 mt-1 max-w-prose text-slate-700">
            {people.members.length} {people.members.length === 1 ? "member" : "members"}, {people.officerCount}{" "}
            {people.officerCount === 1 ? "officer" : "officers"}. A role change or removal applies from the person&apos;s
            next page. The partnership always keeps at least one officer.
          </p>
          <MemberTable
            slug={overview.slug}
            rolesThatAdminister={people.rolesThatAdminister}
            members={people.members.map((member) => ({
              membershipId: member.membershipId,
              name: member.name,
              email: member.email,
              organisation: member.organisation?.name ?? null,
              sector: member.organisation ? SECTOR_SHORT_LABELS[member.organisation.sector] : null,
              role: member.role,
              joined: when(member.joinedAt),
              isMe: member.userId === actor.userId,
            }))}
          />
        </section>

        <section aria-labelledby="invitations">
          <h2 id="invitations" className="text-2xl font-semibold">
            Invitations
          </h2>
          <p className="mb-4 mt-1 max-w-prose text-slate-700">
            Invite someone by email. They get a link that works once and expires after 7 days; resending sends a fresh link
            and the old one stops working.
          </p>
          <InviteForm slug={overview.slug} />
          <h3 className="mb-3 mt-8 text-xl font-semibold">Open invitations</h3>
          <InvitationList
            invitations={people.invitations.map((invitation) => ({
              id: invitation.id,
              email: invitation.email,
              roleLabel: ROLE_LABELS[invitation.role],
              invitedBy: invitation.invitedBy,
              expired: invitation.expired,
              expires: when(invitation.expiresAt),
              lastSent: when(invitation.lastSentAt),
              sendCount: invitation.sendCount,
            }))}
          />
        </section>

        <section aria-labelledby="public-page">
          <h2 id="public-page" className="text-2xl font-semibold">
            Public page
          </h2>
          <p className="mb-4 mt-1 max-w-prose text-slate-700">
            The partnership can publish its portfolio on a page anyone can see without signing in: its priority areas,
            and for each published award the project, the organisation funded, the amounts awarded and paid, its status,
            its latest red, amber or green rating and percentage complete, its outcome measures and the partnership&apos;s
            decision. No personal data is published: no names or email addresses of people, and nothing people wrote in
            updates, reviews, evaluations or decision reasons. A download of the same figures (CSV) is offered with it.
          </p>
          <PublishPortfolioToggle slug={overview.slug} published={published} />
        </section>
      </div>
    </>
  );
}
