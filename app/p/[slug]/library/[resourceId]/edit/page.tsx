import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { FileAttachments } from "@/components/files/file-attachments";
import { folderChoices } from "@/components/library/library-labels";
import { ResourceForm } from "@/components/library/resource-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { getEnv } from "@/server/env";
import { loadLibraryResource } from "@/server/pages/library";

export const metadata: Metadata = { title: "Change a library resource" };
export const dynamic = "force-dynamic";

/**
 * Whoever shared a link or document changes, moves or removes it; officers and chairs any
 * one, and those on the public page. A document's file is here too, with its versions.
 */
export default async function EditLibraryResourcePage({ params }: { params: Promise<{ slug: string; resourceId: string }> }) {
  const { slug, resourceId } = await params;
  const { resource, folders, viewer, partnership } = await loadLibraryResource(slug, resourceId, paths.editLibraryResource(slug, resourceId));
  const back = paths.library(slug, { folderId: resource.folder?.id });
  const noun = resource.kind === "DOCUMENT" ? "document" : "link";
  const documentFile =
    resource.kind === "DOCUMENT" ? (
      <div className="mt-10 max-w-prose">
        <FileAttachments
          owner={{ ownerKind: "LIBRARY_RESOURCE", ownerId: resource.id }}
          maxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
          title="The document's file"
          uploadLabel="Upload the document's file"
          headingId="document-file-heading"
        />
      </div>
    ) : null;
  if (!resource.canChange) {
    return (
      <>
        <PageHeader title={resource.title} />
        <p className="max-w-prose">
          {resource.visibility === "PUBLIC"
            ? `This ${noun} is on the public page, so only officers and chairs change it. Ask one of them if something needs correcting.`
            : `Only the person who shared this ${noun}, or an officer or chair, can change it.`}
        </p>
        {documentFile}
        <p className="mt-4">
          <Link href={back}>Back to the library</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Change “${resource.title}”`} lead={`Shared by ${resource.addedBy}.`}>
        <p className="mt-3">
          <Link href={back}>Back to the library</Link>
        </p>
      </PageHeader>
      {documentFile ? <div className="mb-10">{documentFile}</div> : null}
      <h2 className="mb-4 text-2xl font-semibold">{resource.kind === "DOCUMENT" ? "The document's details" : "The link's details"}</h2>
      <ResourceForm
        kind={resource.kind}
        slug={slug}
        folders={folderChoices(folders)}
        canPublish={viewer.canPublish}
        publishesPortfolio={partnership.publishesPortfolio}
        resource={{
          id: resource.id,
          draft: {
            title: resource.title,
            url: resource.url ?? "",
            description: resource.description,
            tags: resource.tags.join(", "),
            folderId: resource.folder?.id ?? "",
            visibility: resource.visibility,
          },
        }}
      />
    </>
  );
}
