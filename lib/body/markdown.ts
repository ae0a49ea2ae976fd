// Markdown → the stored form of a body: the migration of stories written before the editor, and
// the editor's "粘贴 Markdown" import. markdown-it with the reader page's settings
// (lib/markdown.ts) renders it, normalizeBody takes it into the schema.
import { renderMarkdown } from "@/lib/markdown";
import { normalizeBody } from "@/lib/body/normalize";

export function markdownToBody(markdown: string): string {
  return normalizeBody(renderMarkdown(markdown));
}
