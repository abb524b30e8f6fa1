import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AcceptInvitationButton } from "@/components/admin/accept-invitation-button";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SummaryList } from "@/components/ui/summary-list";
import { invitationTokenInput, type InvitationPreview } from "@/lib/schemas/invitations";
import { paths } from "@/lib/paths";
import { ROLE_LABELS } from "@/lib/sectors";
import { formatDateTime } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import { maskEmail } from "@/server/domain/invitations/invitation-email";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

async function loadPreview(token: string): Promise<InvitationPreview> {
  const parsed = invitationTokenInput.safeParse({ token });
  if (!parsed.success) return { status: "invalid" };
  const api = await getApi();
  return api.invitation.preview(parsed.data);
}

type Invitation = Exclude<InvitationPreview, { status: "invalid" }>;

function InvitationFacts({ invitation }: { invitation: Invitation }) {
  return (
    <SummaryList
      className="my-6 max-w-xl"
      rows={[
        { key: "Partnership", value: invitation.partnershipName },
        { key: "Invited by", value: invitation.inviterName },
        { key: "Role", value: ROLE_LABELS[invitation.role] },
        { key: "Sent to", value: invitation.emailHint },
      ]}
    />
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await loadPreview(token);

  if (invitation.status === "invalid") {
    return (
      <>
        <PageHeader
          title="This invitation link is not valid"
          lead="Check that you opened the whole link from the email: some email programs split long links over two lines."
        />
        <p className="max-w-prose">
          If it still does not work, ask the person who invited you to send the invitation again. Each new email has a
          fresh link.
        </p>
      </>
    );
  }

  if (invitation.status === "expired") {
    return (
      <>
        <PageHeader title="This invitation has expired" lead={`Invitation links work for 7 days. This one expired on ${formatDateTime(invitation.expiresAt)}.`} />
        <InvitationFacts invitation={invitation} />
        <p className="max-w-prose">
          Ask {invitation.inviterName} (or another officer of {invitation.partnershipName}) to resend the invitation: they
          can do it from the partnership&apos;s administration page, and you will get a new email with a fresh link.
        </p>
      </>
    );
  }

  if (invitation.status === "revoked") {
    return (
      <>
        <PageHeader title="This invitation was withdrawn" lead={`${invitation.partnershipName} withdrew this invitation, so its link no longer works.`} />
        <InvitationFacts invitation={invitation} />
        <p className="max-w-prose">
          If you think this is a mistake, contact {invitation.inviterName} and ask them to invite you again.
        </p>
      </>
    );
  }

  if (invitation.status === "used") {
    return (
      <>
        <PageHeader title="This invitation has already been used" lead="Each invitation link works once." />
        <InvitationFacts invitation={invitation} />
        <p className="max-w-prose">
          If you accepted it, you will find {invitation.partnershipName} among{" "}
          <Link href={paths.home()}>your partnerships</Link>. If not, ask {invitation.inviterName} to send you a new invitation.
        </p>
      </>
    );
  }

  const actor = await getCurrentActor();
  const callbackUrl = paths.invitation(encodeURIComponent(token));
  // Masks differ only when the addresses differ: say so before they try.
  const wrongAccount = actor !== null && maskEmail(actor.email.toLowerCase()) !== invitation.emailHint;

  return (
    <>
      <PageHeader
        title={`Join ${invitation.partnershipName}`}
        lead={`${invitation.inviterName} invited you to take part in ${invitation.partnershipName} on Tandem as ${ROLE_LABELS[invitation.role].toLowerCase()}.`}
      />
      <InvitationFacts invitation={invitation} />
      <p className="mb-6 max-w-prose text-slate-700">
        The link works once and expires on {formatDateTime(invitation.expiresAt)}.
      </p>
      {actor === null ? (
        <div className="space-y-3">
          <p className="max-w-prose">
            Sign in with the address the invitation was sent to ({invitation.emailHint}). If you are new to Tandem, signing
            in creates your account.
          </p>
          <ButtonLink href={paths.signIn(callbackUrl)}>Sign in to accept</ButtonLink>
        </div>
      ) : wrongAccount ? (
        <div className="max-w-prose space-y-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p>
            You are signed in as <strong>{actor.email}</strong>, but this invitation was sent to {invitation.emailHint}.
            Sign out, then sign in with that address: you will come straight back here.
          </p>
          <SignOutButton callbackUrl={callbackUrl} label="Sign out and use another address" />
        </div>
      ) : (
        <div className="space-y-3">
          <p>You are signed in as {actor.email}.</p>
          <AcceptInvitationButton token={token} partnershipName={invitation.partnershipName} />
        </div>
      )}
    </>
  );
}
