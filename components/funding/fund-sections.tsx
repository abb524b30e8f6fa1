import { Link } from "@/components/ui/link";
import { AwardGrantForm } from "@/components/funding/award-grant-form";
import {
  AWARD_STATE_LABELS,
  AWARD_STATE_TONES,
  countOf,
  partnerRuleText,
  ROUND_STATUS_LABELS,
  ROUND_STATUS_TONES,
} from "@/components/funding/award-state";
import { MoneyBar } from "@/components/funding/money-bar";
import { CreateRoundForm, RingFenceForm } from "@/components/funding/round-and-fence-forms";
import { RoundNextStep } from "@/components/funding/round-next-step";
import { RequiredDocumentsForm } from "@/components/funding/required-documents-form";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { LabelledTag, StatusTag } from "@/components/ui/status-tag";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatDateTime, formatInstantDay } from "@/lib/uk-time";
import type { fundDashboard } from "@/server/domain/funding/dashboard";
import { LEDGER_COLUMN_LABELS } from "@/server/domain/funding/labels";

/** The fund page's parts: balances, money by priority area, rounds, awards and the officer's forms. */

export type FundView = Awaited<ReturnType<typeof fundDashboard>>;
export type FundViewer = {
  canManageMoney: boolean;
  canChangeRounds: boolean;
  canRunAssessment: boolean;
  canExport: boolean;
};

export function FundBalances({ slug, fund, canExport }: { slug: string; fund: FundView; canExport: boolean }) {
  const figures = [
    ["Total", fund.totalPence],
    ["Committed", fund.committedPence],
    ["Paid", fund.paidPence],
    ["Available", fund.availablePence],
  ] as const;
  return (
    <Section title="Balances" id="balances">
      <dl className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{formatPence(value)}</dd>
          </div>
        ))}
      </dl>
      <MoneyBar label="Whole fund" totalPence={fund.totalPence} committedPence={fund.committedPence} paidPence={fund.paidPence} />
      {canExport ? (
        <p className="mt-4 flex flex-wrap gap-3">
          <ButtonAnchor href={paths.awardsCsv(slug, fund.id)} download>
            Download awards (CSV)
          </ButtonAnchor>
          <ButtonAnchor href={paths.awardsXlsx(slug, fund.id)} download>
            Download awards (Excel)
          </ButtonAnchor>
          <ButtonAnchor href={paths.ledgerCsv(slug, fund.id)} download>
            Download ledger (CSV)
          </ButtonAnchor>
          <ButtonAnchor href={paths.ledgerXlsx(slug, fund.id)} download>
            Download ledger (Excel)
          </ButtonAnchor>
        </p>
      ) : null}
    </Section>
  );
}

type AreaRow = FundView["byPriorityArea"][number];

export function FundByPriorityArea({ fund }: { fund: FundView }) {
  const share = (pence: number) => `${fund.totalPence > 0 ? (pence / fund.totalPence) * 100 : 0}%`;
  return (
    <Section title="By priority area" id="by-area">
      <Table<AreaRow>
        caption="Money by priority area"
        captionHidden
        rows={fund.byPriorityArea}
        rowKey={(area) => area.priorityAreaId ?? "none"}
        empty={<p>No money is committed to a priority area yet.</p>}
        columns={[
          { key: "area", header: "Priority area", rowHeader: true, cell: (area) => area.title },
          {
            key: "fence",
            header: "Ring-fence",
            numeric: true,
            nowrap: true,
            cell: (area) => (area.ringFencePence === null ? "None" : formatPence(area.ringFencePence)),
          },
          { key: "committed", header: "Committed", numeric: true, nowrap: true, cell: (area) => formatPence(area.committedPence) },
          { key: "paid", header: "Paid", numeric: true, nowrap: true, cell: (area) => formatPence(area.paidPence) },
          { key: "awards", header: "Awards", numeric: true, nowrap: true, cell: (area) => area.awards },
          {
            key: "share",
            header: <span className="sr-only">Share of the fund</span>,
            className: "w-1/4",
            cell: (area) => (
              <div aria-hidden="true" className="flex h-4 overflow-hidden rounded-sm bg-slate-100">
                <div className="bg-brand-800" style={{ width: share(area.paidPence) }} />
                <div className="bg-brand-100" style={{ width: share(area.committedPence - area.paidPence) }} />
              </div>
            ),
          },
        ]}
      />
    </Section>
  );
}

type RoundView = FundView["rounds"][number];

/** When the round takes proposals, in words, with the real closing time once it has closed. */
export function roundDates(round: Pick<RoundView, "status" | "opensAt" | "closesAt" | "closedAt">): string {
  if (round.status === "CLOSED" || round.status === "DECIDED") {
    return `Opened ${formatInstantDay(round.opensAt)}, closed ${formatDateTime(round.closedAt)}`;
  }
  if (round.status === "OPEN") return `Open since ${formatInstantDay(round.opensAt)}, closes ${formatDateTime(round.closesAt)}`;
  return `Opens ${formatInstantDay(round.opensAt)}, closes ${formatDateTime(round.closesAt)}`;
}

export function FundRounds({ slug, fund, viewer }: { slug: string; fund: FundView; viewer: FundViewer }) {
  return (
    <Section title="Funding rounds" id="rounds">
      {fund.rounds.length === 0 ? <p>No rounds yet.</p> : null}
      <ul className="space-y-3">
        {fund.rounds.map((round) => {
          const committed = fund.byRound.find((r) => r.roundId === round.id);
          return (
            <li key={round.id} className="rounded-md border border-slate-300 p-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h3 className="text-lg font-semibold">{round.title}</h3>
                <LabelledTag value={round.status} labels={ROUND_STATUS_LABELS} tones={ROUND_STATUS_TONES} />
              </div>
              <p className="mt-1 text-slate-700">{roundDates(round)}</p>
              <p className="text-slate-700">
                Awards of {formatPence(round.minAwardPence)} to {formatPence(round.maxAwardPence)}
                {committed ? `; ${formatPence(committed.committedPence)} awarded in ${countOf(committed.awards, "grant")}` : ""}
              </p>
              <p className="text-slate-700">{partnerRuleText(round.requiredPartnerSectors)}</p>
              <p className="text-slate-700">
                {round.requiredDocuments.length === 0 ? "Asks for no documents." : `Asks each proposal for: ${round.requiredDocuments.join(", ")}.`}
              </p>
              {viewer.canChangeRounds && round.status !== "DECIDED" ? (
                <RequiredDocumentsForm roundId={round.id} roundTitle={round.title} documents={round.requiredDocuments} />
              ) : null}
              {viewer.canChangeRounds || (viewer.canRunAssessment && round.status !== "DRAFT") ? (
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  {viewer.canChangeRounds ? <RoundNextStep round={round} className="" /> : null}
                  {viewer.canRunAssessment && round.status !== "DRAFT" ? (
                    <ButtonLink variant="quiet" href={paths.roundAssessment(slug, round.id)}>
                      Panel, scores and decisions<span className="sr-only"> for {round.title}</span>
                    </ButtonLink>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

type AwardRow = FundView["awards"][number];

export function FundAwards({ slug, fund }: { slug: string; fund: FundView }) {
  return (
    <Section title="Awards" id="awards">
      <Table<AwardRow>
        caption="Awards from this fund"
        captionHidden
        rows={fund.awards}
        rowKey={(award) => award.id}
        empty={<p>No awards yet.</p>}
        columns={[
          {
            key: "project",
            header: "Project",
            rowHeader: true,
            cell: (award) => (
              <>
                <Link href={paths.award(slug, fund.id, award.id)}>{award.projectName}</Link>
                <span className="block text-sm font-normal text-slate-700">
                  {award.recipientName}
                  {award.priorityArea ? `, ${award.priorityArea}` : ""}
                </span>
              </>
            ),
          },
          {
            key: "status",
            header: "Status",
            cell: (award) => (
              <span className="flex flex-wrap gap-1">
                <LabelledTag value={award.state} labels={AWARD_STATE_LABELS} tones={AWARD_STATE_TONES} />
                {award.published ? <StatusTag tone="info">Published</StatusTag> : null}
              </span>
            ),
          },
          { key: "awarded", header: "Awarded", numeric: true, nowrap: true, cell: (award) => formatPence(award.awardedPence) },
          { key: "paid", header: "Paid", numeric: true, nowrap: true, cell: (award) => formatPence(award.paidPence) },
        ]}
      />
    </Section>
  );
}

type LedgerEntry = FundView["ledger"][number];

const signedPence = (pence: number) => (pence === 0 ? "" : pence > 0 ? `+${formatPence(pence)}` : `−${formatPence(-pence)}`);

/** How many of the latest movements the fund page shows until asked for them all. */
export const LEDGER_PREVIEW = 10;

/** Movements of money, with the same columns and words as the ledger CSV: the latest few, or all of them. */
export function FundLedger({ slug, fund, showAll = false }: { slug: string; fund: FundView; showAll?: boolean }) {
  const c = LEDGER_COLUMN_LABELS;
  const shortened = !showAll && fund.ledger.length > LEDGER_PREVIEW;
  const rows = shortened ? fund.ledger.slice(-LEDGER_PREVIEW) : fund.ledger;
  return (
    <Section
      title="Ledger"
      id="ledger"
      lead={
        shortened
          ? `The latest ${LEDGER_PREVIEW} of ${countOf(fund.ledger.length, "movement")} of money in this fund, oldest first. Nothing here can be edited.`
          : "Every movement of money in this fund, oldest first. Nothing here can be edited."
      }
    >
      {shortened ? (
        <p className="mb-4">
          <Link href={paths.fundWholeLedger(slug, fund.id)}>Show all {countOf(fund.ledger.length, "movement")}</Link>
        </p>
      ) : null}
      <Table<LedgerEntry>
        caption="Ledger of this fund"
        captionHidden
        rows={rows}
        rowKey={(entry) => entry.id}
        empty={<p>No money has moved yet.</p>}
        columns={[
          { key: "when", header: c.when, nowrap: true, cell: (entry) => formatDateTime(entry.at, "short") },
          { key: "movement", header: c.movement, rowHeader: true, cell: (entry) => entry.movement },
          {
            key: "project",
            header: c.project,
            cell: (entry) =>
              entry.awardId && entry.project ? <Link href={paths.award(slug, fund.id, entry.awardId)}>{entry.project}</Link> : "None",
          },
          { key: "recipient", header: c.recipient, cell: (entry) => entry.recipient ?? "None" },
          { key: "committed", header: c.committed, numeric: true, nowrap: true, cell: (entry) => signedPence(entry.committedPence) },
          { key: "paid", header: c.paid, numeric: true, nowrap: true, cell: (entry) => signedPence(entry.paidPence) },
          { key: "reason", header: c.reason, cell: (entry) => entry.reason },
          { key: "by", header: c.by, cell: (entry) => entry.by },
        ]}
      />
    </Section>
  );
}

export function FundMoneyForms({ fund }: { fund: FundView }) {
  const areaOptions = fund.priorityAreas.map((area) => ({ id: area.id, label: area.title }));
  const roundOptions = fund.rounds.filter((r) => r.status === "OPEN" || r.status === "CLOSED").map((r) => ({ id: r.id, label: r.title }));
  return (
    <div className="mt-10 grid gap-10 lg:grid-cols-2">
      <Section title="Award a grant" id="award-grant">
        <AwardGrantForm
          fundId={fund.id}
          rounds={roundOptions}
          priorityAreas={areaOptions}
          organisations={fund.organisations.map((o) => ({ id: o.id, label: o.name }))}
        />
      </Section>
      <div>
        <Section title="Create a funding round" id="new-round">
          <CreateRoundForm fundId={fund.id} priorityAreas={areaOptions} />
        </Section>
        <Section title="Ring-fence money for a priority area" id="ring-fence">
          <RingFenceForm fundId={fund.id} priorityAreas={areaOptions} />
        </Section>
      </div>
    </div>
  );
}
