import type { Metadata } from "next";
import { FailingJobs } from "@/components/admin/failing-jobs";
import { StorageUse } from "@/components/files/storage-use";
import { InvitationList } from "@/components/admin/invitation-list";
import { InviteForm } from "@/components/admin/invite-form";
import { LocalityManager } from "@/components/admin/locality-manager";
import { MemberTable } from "@/components/admin/member-table";
import { PartnershipDetailsForm } from "@/components/admin/partnership-details-form";
import { PublishPortfolioToggle } from "@/components/admin/publish-portfolio-toggle";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PartnershipPersonalData } from "@/components/statements/partnership-personal-data";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { ROLE_LABELS, SECTOR_SHORT_LABELS } from "@/lib/sectors";
import { formatDateTime, formatInstantDay } from "@/lib/uk-time";
import { isNotFoundError } from "@/server/api/errors";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Administration" };
export const dynamic = "force-dynamic";

const when = (date: Date) => ({ label: formatInstantDay(date, "short"), iso: date.toISOString() });

/** Officers only: anyone else is shown "not found", as if the page did not exist. */
async function loadAdministration(slug: string, here: string) {
  const api = await getApi();
  return loadOr404(async () => {
    const [overview, people, failingJobs, personalData, storage] = await Promise.all([
      api.partnership.overview({ partnershipSlug: slug }),
      api.membership.list({ partnershipSlug: slug }),
      api.job.failing({ partnershipSlug: slug }),
      api.membership.personalData({ partnershipSlug: slug }),
      api.file.storageUse({ partnershipSlug: slug }),
    ]);
    const published = await api.transparency
      .portfolio({ partnershipSlug: slug })
      .then(() => true)
      .catch((error: unknown) => {
        // The public page answers "not found" exactly when the partnership does not publish.
        if (isNotFoundError(error)) return false;
        throw error;
      });
    return { overview, people, published, failingJobs, personalData, storage };
  }, { here });
}

export default async function AdministrationPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const here = paths.admin(slug);
  const actor = await requireSignedIn(here);
  const { overview, people, published, failingJobs, personalData, storage } = await loadAdministration(slug, here);

  return (
    <>
      <PageHeader title="Administration" lead={`Run ${overview.name}: its details, localities, members and invitations.`} />

      <div className="space-y-12">
        <Section id="details" title="Partnership details">
          <PartnershipDetailsForm
            slug={overview.slug}
            initial={{
              name: overview.name,
              area: overview.area,
              description: overview.description,
              welcomeText: overview.welcomeText,
            }}
          />
        </Section>

        <Section
          id="localities"
          title="Localities"
          lead="The places within the partnership's area. A locality can be removed once no organisation or member is placed in it."
        >
          <LocalityManager slug={overview.slug} localities={overview.localities} />
        </Section>

        <Section
          id="members"
          title="Members"
          lead={`${people.members.length} ${people.members.length === 1 ? "member" : "members"}, ${people.officerCount} ${people.officerCount === 1 ? "officer" : "officers"}. A role change or removal applies from the person's next page. The partnership always keeps at least one officer.`}
        >
          <p className="mb-4 flex flex-wrap gap-3">
            <ButtonAnchor href={paths.membersCsv(overview.slug)} download>
              Download members (CSV)
            </ButtonAnchor>
            <ButtonAnchor href={paths.membersXlsx(overview.slug)} download>
              Download members (Excel)
            </ButtonAnchor>
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
        </Section>

        <Section
          id="invitations"
          title="Invitations"
          lead="Invite someone by email. They get a link that works once and expires after 7 days; resending sends a fresh link and the old one stops working."
        >
          <InviteForm slug={overview.slug} />
          <p className="mt-6">
            <ButtonLink href={paths.memberImport(overview.slug)} variant="secondary">
              Import people from a spreadsheet
            </ButtonLink>
          </p>
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
        </Section>

        <Section id="public-page" title="Public page">
          <p className="mb-4 max-w-prose text-slate-700">
            The partnership can publish its portfolio on a page anyone can see without signing in: its priority areas,
            and for each published award the project, the organisation funded, the amounts awarded and paid, its status,
            its latest red, amber or green rating and percentage complete, its outcome measures and the partnership&apos;s
            decision. No personal data is published: no names or email addresses of people, and nothing people wrote in
            updates, reviews, evaluations or decision reasons. A download of the same figures (CSV) is offered with it.
          </p>
          <PublishPortfolioToggle slug={overview.slug} published={published} />
        </Section>

        <Section
          id="personal-data"
          title="Personal data this partnership holds"
          lead="A count of each kind of personal information Tandem keeps for this partnership, and who in it can see it."
        >
          <PartnershipPersonalData rows={personalData} />
        </Section>

        <Section
          id="storage"
          title="File storage"
          lead="Documents and photos attached to proposals, progress updates and evaluations, every version counted."
        >
          <StorageUse {...storage} />
        </Section>

        <Section
          id="background-tasks"
          title="Background tasks"
          lead="Tandem sends emails, reminders and long jobs in the background, and tries again when one fails. Tasks that keep failing are listed here."
        >
          <FailingJobs
            slug={overview.slug}
            jobs={failingJobs.map((job) => ({
              id: job.id,
              label: job.label,
              status: job.status,
              reason: job.reason,
              attempts: job.attempts,
              maxAttempts: job.maxAttempts,
              lastTried: job.lastTriedAt ? formatDateTime(job.lastTriedAt) : null,
              nextTry: job.nextTryAt ? formatDateTime(job.nextTryAt) : null,
              scope: job.scope,
              canRetry: job.canRetry,
            }))}
          />
        </Section>
      </div>
    </>
  );
}
