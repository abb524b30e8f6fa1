import { Section } from "@/components/ui/section";
import { formatDay } from "@/lib/uk-time";
import { durationText, type InstallationDetails } from "@/server/domain/statements/installation";
import { NotConfiguredNote, OperatorContact, operatorLabel } from "./operator";

/**
 * The accessibility statement, in the structure the Public Sector Bodies (Websites and Mobile
 * Applications) (No. 2) Accessibility Regulations 2018 ask for, following GOV.UK's model statement.
 */
export function AccessibilityStatement({ details, siteAddress }: { details: InstallationDetails; siteAddress: string }) {
  const operator = operatorLabel(details);
  const testedOn = formatDay(details.accessibilityTestedOn);
  return (
    <div className="max-w-prose space-y-4 text-slate-800">
      <NotConfiguredNote details={details} />
      <p>
        This accessibility statement applies to Tandem at <span className="break-all">{siteAddress}</span>, where health and social care
        partnerships agree priorities, co-write proposals, fund and follow test projects, and meet.
      </p>
      <p>
        This website is run by {details.operatorName ?? "the organisation named above"}. We want as many people as possible to be able to
        use it. For example, that means you should be able to:
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen, and use it on a phone 320 pixels wide</li>
        <li>get to every part of the website using just a keyboard, or speech recognition software</li>
        <li>listen to the website using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)</li>
        <li>read every chart&apos;s figures in a table beside it</li>
        <li>keep what you were typing if your connection drops: proposals, progress updates and evaluations are kept in your browser until they are saved</li>
        <li>
          be warned before you are signed out for not using the site (after {durationText(details.sessionIdleMinutes)}), and stay signed in
          with one button
        </li>
      </ul>
      <p>We have also made the website&apos;s text as simple as possible to understand.</p>
      <p>
        <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a disability.
      </p>

      <Section title="How accessible this website is">
        <p>We know some parts of this website are not fully accessible:</p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>images and links that members add to stories, proposals and conversations may not have useful descriptions</li>
          <li>online meetings for events are held on other services, such as Microsoft Teams or Zoom, whose accessibility we do not control</li>
          <li>spreadsheets you download (CSV and Excel) have a header row but no other accessibility features</li>
        </ul>
      </Section>

      <Section title="Feedback and contact information">
        <p>
          If you need information on this website in a different format, such as accessible PDF, large print, easy read, audio recording
          or braille, write to <OperatorContact details={details} />. We will consider your request and get back to you within 5 working
          days.
        </p>
      </Section>

      <Section title="Reporting accessibility problems with this website">
        <p>
          We are always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we
          are not meeting accessibility requirements, write to <OperatorContact details={details} />. Say which page you were on and what
          went wrong; we aim to reply within 5 working days.
        </p>
      </Section>

      <Section title="Enforcement procedure">
        <p>
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
          Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If you are not happy with how
          we respond to your complaint, contact the{" "}
          <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>. In Northern Ireland, contact
          the <a href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland</a>.
        </p>
      </Section>

      <Section title="Technical information about this website’s accessibility">
        <p>
          {operator} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile
          Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 className="mb-2 mt-6 text-xl font-semibold">Compliance status</h3>
        <p>
          This website is partially compliant with the{" "}
          <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to the
          non-compliance listed below.
        </p>
      </Section>

      <Section title="Non-accessible content">
        <p>The content listed below is not accessible for the following reasons.</p>
        <h3 className="mb-2 mt-6 text-xl font-semibold">Non-compliance with the accessibility regulations</h3>
        <p>
          The one failure found when this website was last tested has been fixed since: on a screen 320 pixels wide, the &ldquo;Across
          sectors&rdquo; column heading of an event&apos;s speed-networking plan was cut short rather than wrapping (WCAG 2.2 success
          criterion 1.4.10, Reflow). It now wraps. This statement will say the website is fully compliant once it has been tested again.
        </p>
        <h3 className="mb-2 mt-6 text-xl font-semibold">Disproportionate burden</h3>
        <p>We are not claiming that fixing any of the problems above would be a disproportionate burden.</p>
        <h3 className="mb-2 mt-6 text-xl font-semibold">Content that is not within the scope of the accessibility regulations</h3>
        <p>
          Text, images and links written by members (stories, proposals, comments and conversations) are content we neither write nor
          fund. Tandem asks for a description of every image in a story, but cannot check that it is a useful one. Online meeting
          services linked from events are run by others.
        </p>
      </Section>

      <Section title="What we are doing to improve accessibility">
        <p>
          Every change to Tandem is checked in a real browser before it is released: each page is tested with axe-core against the WCAG
          2.2 A and AA rules, the text and background colours of every link and button are measured against the contrast minimum, and the
          main journeys are run at 320, 768 and 1280 pixels wide and from the keyboard alone.
        </p>
      </Section>

      <Section title="Preparation of this accessibility statement">
        <p>
          This statement was prepared on {testedOn}. This website was last tested on {testedOn}.{" "}
          {details.testedByOperator
            ? `The test was carried out by ${operator}.`
            : "The test was carried out on the release of Tandem this site runs, by the people who make it."}
        </p>
        <p className="mt-2">
          We tested the main journeys of each kind of member: joining a sub-group, writing and submitting a proposal, assessing and
          awarding a grant, setting up a project and reporting on it from a phone, evaluating and deciding, writing a story, going to an
          event, and answering a team reflection, with automated checks (axe-core) and by hand with the keyboard and at narrow widths.
        </p>
      </Section>
    </div>
  );
}
