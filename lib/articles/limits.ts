// Field lengths of the article form, in a module of their own: the form's client components need
// them, and importing lib/articles/form.ts would put its server-side rules (zod, markdown-it) in
// the editor's JavaScript.
export const LIMITS = {
  title: 100,
  summary: 300,
  /** Characters of text a reader sees. */
  body: 100_000,
  /** Characters of the body's stored HTML (text plus markup). */
  bodyHtml: 400_000,
  source: 50,
  byline: 50,
  tags: 400,
  alt: 200,
  caption: 300,
  credit: 100,
} as const;
