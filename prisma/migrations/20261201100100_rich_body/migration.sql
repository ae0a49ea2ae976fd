-- A story's body moves from Markdown to the stored HTML of lib/body/schema.ts. Existing rows are
-- Markdown until the data step of `npm run db:migrate` (scripts/db/convert-bodies.ts) converts
-- them in batches; anything that inserts a row without saying is taken to be Markdown.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "bodyFormat" TEXT NOT NULL DEFAULT 'markdown';
