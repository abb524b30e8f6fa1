import { PartnershipCard } from "@/components/partnerships/partnership-card";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const actor = await getCurrentActor();
  if (!actor) return <Welcome />;

  const api = await getApi();
  const partnerships = await api.partnership.mine();
  const firstName = actor.name?.split(" ")[0];

  return (
    <>
      <PageHeader
        title="My partnerships"
        lead={firstName ? `Welcome back, ${firstName}. Here are the partnerships you take part in.` : "The partnerships you take part in."}
      />
      {partnerships.length === 0 ? (
        <section aria-labelledby="none-yet" className="rounded-lg border border-slate-300 bg-slate-50 p-6">
          <h2 id="none-yet" className="text-xl font-semibold">
            You are not in a partnership yet
          </h2>
          <p className="mt-2 max-w-prose text-slate-700">
            Partnership officers invite people by email. If you were expecting an invitation, ask your partnership
            officer to send it to <strong>{actor.email}</strong>.
          </p>
        </section>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Your partnerships">
          {partnerships.map((partnership) => (
            <li key={partnership.id}>
              <PartnershipCard partnership={partnership} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Welcome() {
  return (
    <>
      <PageHeader
        title="Partnership working that pays off"
        lead="Tandem helps voluntary, public and community sector colleagues agree priorities, co-write small test projects, fund them fairly and learn together what to scale up."
      />
      <ButtonLink href={paths.signIn()}>Sign in</ButtonLink>
      <section aria-labelledby="how-it-works" className="mt-12">
        <h2 id="how-it-works" className="text-2xl font-semibold">
          How it works
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[
            ["Agree priorities", "The partnership agrees a few priority areas and forms a cross-sector sub-group for each."],
            ["Co-write proposals", "Sub-group members from several organisations write proposals for small test projects together."],
            ["Fund fairly", "A panel scores proposals against clear criteria, declaring conflicts, and the fund awards grants."],
            ["Test and learn", "Project leads report progress until the partnership decides: scale up, sustain, adapt or stop."],
          ].map(([title, text], index) => (
            <li key={title} className="rounded-lg border border-slate-300 p-4">
              <p className="text-sm font-semibold text-brand-800">Step {index + 1}</p>
              <h3 className="mt-1 text-lg font-semibold">{title}</h3>
              <p className="mt-2 text-slate-700">{text}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
