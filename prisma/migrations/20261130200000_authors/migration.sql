-- Reporters' profiles and the links from stories' bylines to them (lib/authors/links.ts).
--
-- Author pages list a reporter's visible stories, newest first. As for tag pages
-- (20261130110000_article_tag_visibility), each link carries a copy of its story's status and
-- publication time, kept exact by the triggers at the end, so one index range answers a page.
--
-- WARNING for later migrations: when Prisma redefines "Article" or "ArticleAuthor" (CREATE
-- "new_…", copy, DROP, RENAME), SQLite drops these triggers with the old table. Such a migration
-- must end by re-creating them from this file.
-- CreateTable
CREATE TABLE "Author" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "desk" TEXT NOT NULL DEFAULT '',
    "bio" TEXT NOT NULL DEFAULT '',
    "photoId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Author_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleAuthor" (
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,

    PRIMARY KEY ("articleId", "authorId"),
    CONSTRAINT "ArticleAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleAuthor_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Author_slug_key" ON "Author"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Author_name_key" ON "Author"("name");

-- CreateIndex
CREATE INDEX "ArticleAuthor_authorId_status_publishedAt_articleId_idx" ON "ArticleAuthor"("authorId", "status", "publishedAt", "articleId");


-- (A link to a story that does not exist keeps 'draft': its foreign key refuses it at commit.)
CREATE TRIGGER "ArticleAuthor_story_copy_ai" AFTER INSERT ON "ArticleAuthor" BEGIN
    UPDATE "ArticleAuthor"
    SET "status" = coalesce((SELECT "status" FROM "Article" WHERE "id" = new."articleId"), 'draft'),
        "publishedAt" = (SELECT "publishedAt" FROM "Article" WHERE "id" = new."articleId")
    WHERE "articleId" = new."articleId" AND "authorId" = new."authorId";
END;

CREATE TRIGGER "Article_author_copy_au" AFTER UPDATE OF "status", "publishedAt" ON "Article" BEGIN
    UPDATE "ArticleAuthor" SET "status" = new."status", "publishedAt" = new."publishedAt"
    WHERE "articleId" = new."id";
END;
