import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportPreview } from "@/components/admin/import/import-preview";
import { ImportProgress } from "@/components/admin/import/import-progress";
import { ImportUploadForm } from "@/components/admin/import/import-upload-form";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { paths } from "@/lib/paths";
import { IMPORT_COLUMNS } from "@/lib/schemas/imports";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { id } from "@/lib/schemas/text";
import { ROLE_LABELS, SECTOR_SHORT_LABELS } from "@/lib/sectors";
import { formatDateTime } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Import people" };
export const dynamic = "force-dynamic";

/** Officers only: anyone else is shown "not found", as on the administration page. */
async function loadImport(slug: string, batchId: string | null, here: string) {
  const api = await getApi();
  return loadOr404(async () => {
    const [overview, viewer, batch] = await Promise.all([
      api.partnership.overview({ partnershipSlug: slug }),
      api.partnership.viewer({ partnershipSlug: slug }),
      batchId ? api.memberImport.batch({ partnershipSlug: slug, batchId }) : Promise.resolve(null),
    ]);
    if (!viewer.canAdminister) notFound();
    return { overview, batch };
  }, { here });
}

export default async function MemberImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ batch?: string | string[] }>;
}) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const requested = (await searchParams).batch;
  const batchId = requested === undefined ? null : paramOr404(id, requested);
  const here = paths.memberImport(slug, batchId ?? undefined);
  await requireSignedIn(here);
  const { overview, batch } = await loadImport(slug, batchId, here);

  if (!batch) {
    return (
      <>
        <PageHeader title="Import people" lead={`Invite many people to ${overview.name} at once from a spreadsheet.`} />
        <div className="space-y-12">
          <Section id="columns" title="What the file holds" lead="One row per person under a header row. Headings may be in any order and any case; other columns are ignored.">
            <SummaryList label="Columns" rows={IMPORT_COLUMNS.map((column) => ({ key: column.header, value: column.explains }))} />
            <div className="mt-6 flex flex-wrap gap-3">
              <ButtonAnchor href={paths.memberImportTemplate(slug, "xlsx")} download>
                Download the template (Excel)
              </ButtonAnchor>
              <ButtonAnchor href={paths.memberImportTemplate(slug, "csv")} download>
                Download the template (CSV)
              </ButtonAnchor>
            </div>
          </Section>
          <Section id="upload" title="Upload the file" lead="Tandem reads the file and shows every row with its problems, if any. Nobody is invited until you confirm.">
            <ImportUploadForm uploadUrl={paths.memberImportUpload(slug)} />
          </Section>
        </div>
      </>
    );
  }

  const rows = batch.rows.map((row) => ({
    row: row.row,
    email: row.email,
    name: row.name,
    organisation: row.organisation,
    organisationNote: row.organisationNote,
    sectorLabel: row.sector ? SECTOR_SHORT_LABELS[row.sector] : null,
    roleLabel: ROLE_LABELS[row.role],
    locality: row.locality,
    problems: row.problems,
  }));
  const sending = batch.state === "CONFIRMED" || batch.state === "SENT";
  return (
    <>
      <PageHeader title={sending ? "Sending invitations" : "Check the import"} lead={`${batch.fileName}, uploaded ${formatDateTime(batch.createdAt)}.`} />
      <div className="space-y-12">
        {sending ? (
          <Section id="progress" title="Invitations">
            <ImportProgress
              slug={slug}
              batchId={batch.id}
              initial={{ state: batch.state, emailedCount: batch.emailedCount, invitedCount: batch.invitedCount, sendingFailed: batch.sendingFailed }}
            />
            {batch.organisationsAddedCount > 0 ? (
              <p className="mt-4">
                {batch.organisationsAddedCount === 1 ? "1 organisation was" : `${batch.organisationsAddedCount} organisations were`} added to Tandem.
              </p>
            ) : null}
          </Section>
        ) : null}
        {batch.state === "CANCELLED" ? (
          <Section id="cancelled" title="This import was cancelled">
            <p className="mb-4">Nobody in this file was invited.</p>
            <ButtonLink href={paths.memberImport(slug)} variant="secondary">
              Upload a file
            </ButtonLink>
          </Section>
        ) : null}
        <Section id="preview" title={batch.state === "PREVIEWED" ? "Preview" : "The file as imported"}>
          <ImportPreview
            slug={slug}
            batchId={batch.id}
            rows={rows}
            outcome={batch.state === "PREVIEWED" ? "preview" : batch.state === "CANCELLED" ? "cancelled" : "imported"}
          />
        </Section>
      </div>
    </>
  );
}
