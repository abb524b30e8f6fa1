import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import { retentionPeriodText, type RetentionRule } from "@/server/domain/retention/policy";
import { durationText, type InstallationDetails } from "@/server/domain/statements/installation";
import { NotConfiguredNote, OperatorContact, operatorLabel } from "./operator";

type Held = { what: string; detail: string; seenBy: string };

/** What Tandem holds about a person, and who in the partnership sees it. */
const WHAT_WE_HOLD: readonly Held[] = [
  {
    what: "Your account",
    detail: "Your name, email address, and the organisation, job title and phone number you give",
    seenBy: "Members of your partnerships see what you choose to show in the directory; officers see your email address",
  },
  {
    what: "Your profile",
    detail: "A short description of your work and your interests, and whether you are listed in the directory",
    seenBy: "Members of your partnerships, if you are listed",
  },
  {
    what: "Memberships",
    detail: "The partnerships and sub-groups you belong to, your role in each and your locality",
    seenBy: "Members of the same partnership",
  },
  {
    what: "What you write",
    detail: "Conversations, comments, proposals and their revisions, progress updates, evaluations and stories",
    seenBy: "The sub-group, co-authors, project team and officers, as each page says; published stories also publicly with your name",
  },
  {
    what: "Assessments",
    detail: "Scores and comments you give as an assessor, and conflicts of interest you declare",
    seenBy: "Officers of the partnership, and other assessors once they have scored",
  },
  {
    what: "Events",
    detail: "Your replies, whether you attended, who you met at speed networking and the connections you record",
    seenBy: "The event's organisers and officers; the people you met",
  },
  {
    what: "Reflections",
    detail: "Answers to named reflections. Answers to anonymous ones are stored without anything that links them to you",
    seenBy: "The people running the reflection",
  },
  {
    what: "Sign-in and security",
    detail: "When you signed in and last used the site, sign-in links sent to you, and a scrambled (hashed) copy of your calendar link",
    seenBy: "Nobody but you and the site's administrators",
  },
  {
    what: "The record of changes",
    detail: "Who changed roles, money, decisions and settings, and when (the audit trail)",
    seenBy: "Officers of the partnership",
  },
  {
    what: "Notifications",
    detail: "What Tandem told you about, and whether you have read it",
    seenBy: "Only you",
  },
];

export function PrivacyNotice({ details }: { details: InstallationDetails }) {
  const operator = operatorLabel(details);
  return (
    <div className="max-w-prose space-y-4 text-slate-800">
      <NotConfiguredNote details={details} />
      <Section title="Who we are">
        <p>
          {operator} runs this Tandem site and is the data controller for the personal information it holds.
          {details.icoRegistration ? ` It is registered with the Information Commissioner's Office as ${details.icoRegistration}.` : ""} Each
          partnership on it decides who is invited and what its members work on.
        </p>
        <p className="mt-2">
          Write to <OperatorContact details={details} /> with any question about your information.
          {details.dpoEmail ? (
            <>
              {" "}
              Our Data Protection Officer is at{" "}
              <a href={`mailto:${details.dpoEmail}`} className="font-semibold">
                {details.dpoEmail}
              </a>
              .
            </>
          ) : null}
        </p>
      </Section>

      <Section title="What we hold and who sees it">
        <Table
          caption="Personal information Tandem holds"
          captionHidden
          columns={[
            { key: "what", header: "What", cell: (row: Held) => row.what, rowHeader: true },
            { key: "detail", header: "Details", cell: (row: Held) => row.detail },
            { key: "seen", header: "Who sees it", cell: (row: Held) => row.seenBy },
          ]}
          rows={WHAT_WE_HOLD}
          rowKey={(row) => row.what}
        />
        <p className="mt-4">
          Tandem does not ask for information about anyone&apos;s health. Please do not write about a person&apos;s health or care in a
          proposal, update, story or reflection in a way that could identify them.
        </p>
      </Section>

      <Section title="Why we hold it, and our lawful basis">
        <p>
          We use your information to run the partnership&apos;s work with you: planning and funding health and social care projects
          together, telling you what needs your attention, and keeping a fair and open record of how public money was given. For a
          public body this is a task in the public interest (UK GDPR Article 6(1)(e)); where the organisation running the site is not a
          public body, it is its legitimate interest in running the partnership (Article 6(1)(f)). Emails are only about your partnership
          work: you choose which notifications also arrive by email, on your account page.
        </p>
        <p className="mt-2">
          What a partnership publishes (its funded projects, published stories and its grants as open data) names organisations and
          projects. It names a person only as the author of a story they chose to publish.
        </p>
      </Section>

      <Section title="Who else handles it">
        <p>
          The site is hosted for {operator}, which also chooses the email service that delivers Tandem&apos;s emails and any organisation
          account (such as Microsoft) you sign in with. They handle your information only to provide that service. We do not sell
          information, share it for marketing or send it outside the UK except where one of those services does so under UK data
          protection law.
        </p>
      </Section>

      <Section title="How long we keep it">
        <p>
          What a partnership must keep to account for its decisions and its money (grants, payments, decisions, assessment scores, the
          record of changes, proposals and projects) is kept for as long as the partnership uses Tandem. Everything else is cleared out
          every day once it is no longer needed:
        </p>
        <Table
          caption="How long records are kept"
          captionHidden
          className="mt-4"
          columns={[
            { key: "what", header: "Record", cell: (row: RetentionRule) => row.what, rowHeader: true },
            { key: "period", header: "Kept for", cell: (row: RetentionRule) => retentionPeriodText(row) },
          ]}
          rows={details.retention}
          rowKey={(row) => row.key}
        />
        <p className="mt-4">
          You are signed out after {durationText(details.sessionIdleMinutes)} without use, and {details.sessionMaxAgeDays} days after you
          signed in at the latest.
        </p>
      </Section>

      <Section title="Your rights">
        <p>You have the right to:</p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            get a copy of the information we hold about you: you can download it yourself, as a zip file, from the{" "}
            <a href={paths.accountDataExport()}>Download your data</a> section of your account page
          </li>
          <li>have anything wrong corrected: you can change your profile yourself on your account page</li>
          <li>
            have your information erased, except what a partnership must keep, where your name is then replaced by &ldquo;Former
            member&rdquo;: close your account on your account page, or write to us
          </li>
          <li>object to how we use it, or ask us to limit it</li>
        </ul>
        <p className="mt-2">
          Write to <OperatorContact details={details} /> to use any of them. We reply within one month. Your account page is at{" "}
          <a href={paths.account()}>Your account</a>.
        </p>
      </Section>

      <Section title="Cookies">
        <p>
          Tandem sets only the cookies it needs to work, such as the one that keeps you signed in. The{" "}
          <a href={paths.cookies()}>cookies page</a> lists each one.
        </p>
      </Section>

      <Section title="How to complain">
        <p>
          If you are unhappy with how we have used your information, write to <OperatorContact details={details} /> first. You can also
          complain to the Information Commissioner&apos;s Office (ICO): <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a>,
          telephone 0303 123 1113.
        </p>
      </Section>
    </div>
  );
}
