"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FileUploader } from "@/components/files/file-uploader";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/form";
import { isImageType } from "@/lib/files/file-kinds";
import { storyImageMarkdown } from "@/lib/markdown";
import { paths } from "@/lib/paths";
import type { StoredFileView } from "@/server/domain/files/files";

/**
 * Pictures for a story: uploaded here (the file store re-encodes them, dropping EXIF and
 * location data), each described for people who cannot see it, then put into the story at
 * the end of its text as `![description](file:<id>)`. Only a described picture can be put in.
 */
function StoryImages({ storyId, maxBytes, onInsert }: { storyId: string | null; maxBytes: number; onInsert: (markdown: string) => void }) {
  return (
    <section aria-labelledby="story-images-heading" className="space-y-3 rounded-md border-2 border-slate-300 p-4">
      <h2 id="story-images-heading" className="text-xl font-semibold">
        Pictures
      </h2>
      {storyId ? (
        <StoryImageList storyId={storyId} maxBytes={maxBytes} onInsert={onInsert} />
      ) : (
        <p>Save the draft first; then you can add pictures from your computer or phone.</p>
      )}
    </section>
  );
}

function StoryImageList({ storyId, maxBytes, onInsert }: { storyId: string; maxBytes: number; onInsert: (markdown: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.file.list.queryOptions({ ownerKind: "STORY", ownerId: storyId });
  const query = useQuery(options);
  const images = (query.data?.files ?? []).filter((file) => isImageType(file.current.mimeType));
  return (
    <>
      <p className="text-slate-700">
        Pictures are kept by Tandem and shown from here, so readers are not sent to other websites. Location and camera details are removed when
        you upload one.
      </p>
      {query.isError ? <FormMessage tone="error">The pictures could not be loaded. Reload the page to try again.</FormMessage> : null}
      {images.length > 0 ? (
        <ul className="space-y-4" data-testid="story-images">
          {images.map((file) => (
            <StoryImageItem key={file.id} file={file} onInsert={onInsert} />
          ))}
        </ul>
      ) : null}
      {query.data?.canAttach ? (
        <FileUploader
          label="Add a picture"
          maxBytes={maxBytes}
          target={() => ({ ownerKind: "STORY", ownerId: storyId })}
          onUploaded={() => void queryClient.invalidateQueries({ queryKey: options.queryKey })}
        />
      ) : query.data?.closedReason ? (
        <p>{query.data.closedReason}</p>
      ) : null}
    </>
  );
}

function StoryImageItem({ file, onInsert }: { file: StoredFileView; onInsert: (markdown: string) => void }) {
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string[] | undefined>(undefined);
  const [inserted, setInserted] = useState(false);
  const inputId = `story-image-${file.id}`;
  function insert() {
    if (!description.trim()) {
      setError(["Describe the picture for people who cannot see it, for example “Volunteers serving tea at the hub”"]);
      document.getElementById(inputId)?.focus();
      return;
    }
    setError(undefined);
    onInsert(storyImageMarkdown(file.id, description));
    setInserted(true);
  }
  return (
    <li className="flex flex-wrap items-start gap-3 rounded-md border border-slate-300 p-3" data-testid="story-image">
      {file.current.hasThumbnail ? (
        // eslint-disable-next-line @next/next/no-img-element -- a same-site thumbnail the file route serves, already small.
        <img src={paths.fileThumbnail(file.id, file.current.number)} alt="" width={96} height={96} className="h-24 w-24 rounded object-cover" />
      ) : null}
      <div className="min-w-0 flex-1 basis-48 space-y-2">
        <p className="break-words font-semibold">{file.current.name}</p>
        <TextField
          id={inputId}
          label={`Description of ${file.current.name}`}
          hint="What the picture shows, for people who cannot see it."
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={error}
          maxLength={200}
          autoComplete="off"
        />
        <Button variant="secondary" onClick={insert}>
          Put it in the story<span className="sr-only"> ({file.current.name})</span>
        </Button>
        {inserted ? (
          <p role="status" className="text-green-900">
            Added at the end of your story. Save to see it in the preview.
          </p>
        ) : null}
      </div>
    </li>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const StoryImagesWithApi = withApi(StoryImages);
export { StoryImagesWithApi as StoryImages };
