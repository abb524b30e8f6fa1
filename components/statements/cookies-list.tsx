import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { paths } from "@/lib/paths";
import { cookiesTandemSets, type InstallationDetails } from "@/server/domain/statements/installation";

export function CookiesList({ details }: { details: InstallationDetails }) {
  return (
    <div className="max-w-prose space-y-4 text-slate-800">
      <p>
        Cookies are small files saved on your phone, tablet or computer when you visit a website. Tandem uses only the cookies it needs
        to work: they keep you signed in and protect your account. They are strictly necessary, so we do not need to ask you to accept
        them, and you will not see a cookie banner. Tandem sets no analytics, advertising or tracking cookies, and no other website sets
        cookies through it.
      </p>
      <Section title="Cookies Tandem sets">
        <ul aria-label="Cookies Tandem sets" className="space-y-6">
          {cookiesTandemSets(details).map((cookie) => (
            <li key={cookie.name}>
              <h3 className="break-all font-mono text-lg font-semibold">{cookie.name}</h3>
              <SummaryList
                className="mt-2"
                rows={[
                  { key: "What it is for", value: cookie.purpose },
                  { key: "When it is set", value: cookie.when },
                  { key: "Expires", value: cookie.expires },
                ]}
              />
            </li>
          ))}
        </ul>
      </Section>
      <Section title="What your browser keeps">
        <p>
          While you write a proposal, a progress update or an evaluation, your browser also keeps what you type (in its local storage)
          until Tandem has saved it, so a dropped connection loses nothing. It never leaves your device by any other route, and it is
          removed once saved. Clearing your browser&apos;s site data removes it too.
        </p>
      </Section>
      <Section title="More about your information">
        <p>
          The <a href={paths.privacyNotice()}>privacy notice</a> says what Tandem holds about you and how long it is kept.
        </p>
      </Section>
    </div>
  );
}
