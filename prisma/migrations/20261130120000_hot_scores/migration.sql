-- Hot lists as running totals (lib/sqlite.ts, the view writer): reading a list is its top rows
-- instead of every hourly bucket of its window. The tables start empty; each list is built from
-- "ArticleViewBucket" the first time it is needed (a "HotListState" row marks it built).

-- CreateTable
CREATE TABLE "HotScore" (
    "list" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "weight" REAL NOT NULL,
    "views" INTEGER NOT NULL,

    PRIMARY KEY ("list", "articleId"),
    CONSTRAINT "HotScore_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HotListState" (
    "list" TEXT NOT NULL PRIMARY KEY,
    "epochHour" INTEGER NOT NULL,
    "expiredThroughHour" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "HotScore_list_weight_views_articleId_idx" ON "HotScore"("list", "weight" DESC, "views" DESC, "articleId");
