/**
 * A story's body as the API rendered it: Markdown turned into HTML and passed through the
 * server's sanitiser (lib/markdown.ts) on this very read, so it holds only plain text
 * elements, links to http(s)/mailto and images with URLs. Never pass anything else here.
 * Long words, tables and code wrap rather than widen the page at 320 px.
 */
export function StoryBody({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div
      className={`max-w-prose space-y-4 [overflow-wrap:anywhere] [&_a]:text-brand-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4 [&_code]:rounded-sm [&_code]:bg-slate-100 [&_code]:px-1 [&_h2]:mt-6 [&_h2]:text-2xl [&_h2]:font-semibold [&_h3]:mt-5 [&_h3]:text-xl [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:font-semibold [&_img]:h-auto [&_img]:max-w-full [&_img]:rounded-md [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:whitespace-pre-wrap [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-3 [&_table]:w-full [&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:p-2 [&_th]:border [&_th]:border-slate-300 [&_th]:p-2 [&_th]:text-left [&_ul]:list-disc [&_ul]:pl-6 ${className}`}
      // Sanitised on the server by renderMarkdown (an allowlist), on every read.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
