import type { BodySegment } from "@/server/domain/discussions/mentions";

/**
 * A post exactly as typed: plain text (line breaks kept), never HTML, with "@Name"
 * mentions highlighted.
 */
export function PostBody({ segments }: { segments: readonly BodySegment[] }) {
  return (
    <div className="max-w-prose whitespace-pre-wrap break-words">
      {segments.map((segment, index) =>
        segment.kind === "mention" ? (
          <mark key={index} className="rounded bg-brand-100 px-0.5 font-semibold text-brand-900">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
