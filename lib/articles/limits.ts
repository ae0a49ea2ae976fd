// Lengths of the article form's fields, for the form component (no validation library in the
// browser bundle) and the rules in lib/articles/form.ts.
export const LIMITS = {
  title: 100,
  summary: 300,
  body: 100_000,
  source: 50,
  byline: 50,
  tags: 400,
  alt: 200,
  caption: 300,
  credit: 100,
} as const;
