-- Reporters' profiles and the links from stories' bylines to them: the PostgreSQL twin of
-- prisma/migrations/20261130200000_authors (same columns, same trigger rules; the copies of a
-- story's status and publication time are never written by the app).
-- CreateTable
CREATE TABLE "Author" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "desk" TEXT NOT NULL DEFAULT '',
    "bio" TEXT NOT NULL DEFAULT '',
    "photoId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Author_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleAuthor" (
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "ArticleAuthor_pkey" PRIMARY KEY ("articleId","authorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Author_slug_key" ON "Author"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Author_name_key" ON "Author"("name");

-- CreateIndex
CREATE INDEX "ArticleAuthor_authorId_status_publishedAt_articleId_idx" ON "ArticleAuthor"("authorId", "status", "publishedAt", "articleId");

-- AddForeignKey
ALTER TABLE "Author" ADD CONSTRAINT "Author_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthor" ADD CONSTRAINT "ArticleAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthor" ADD CONSTRAINT "ArticleAuthor_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE CASCADE ON UPDATE CASCADE;


CREATE FUNCTION "difang_article_author_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a."status", a."publishedAt" INTO NEW."status", NEW."publishedAt"
    FROM "Article" a WHERE a."id" = NEW."articleId";
    NEW."status" := coalesce(NEW."status", 'draft');
    RETURN NEW;
END $$;

CREATE TRIGGER "ArticleAuthor_story_copy_bi" BEFORE INSERT ON "ArticleAuthor"
FOR EACH ROW EXECUTE FUNCTION "difang_article_author_copy"();

CREATE FUNCTION "difang_article_author_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ArticleAuthor" SET "status" = NEW."status", "publishedAt" = NEW."publishedAt"
    WHERE "articleId" = NEW."id";
    RETURN NULL;
END $$;

CREATE TRIGGER "Article_author_copy_au" AFTER UPDATE OF "status", "publishedAt" ON "Article"
FOR EACH ROW
WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
EXECUTE FUNCTION "difang_article_author_follow"();
