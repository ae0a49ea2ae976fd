-- The newsroom (issue 13): roles with desks, and the review flow (三审). Columns are added in place
-- (no table rebuild: Article keeps its triggers, and a million rows are not copied). Existing
-- stories start as "draft" in the flow; for a published story that means nothing (status decides
-- visibility, and a story that went out once is signed off again directly, lib/workflow/rules.ts).
ALTER TABLE "Channel" ADD COLUMN "reviewSteps" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Article" ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE "Article" ADD COLUMN "reviewStep" INTEGER NOT NULL DEFAULT 0;

-- 柳州新闻, the city desk, reviews in two steps; county channels in one.
UPDATE "Channel" SET "reviewSteps" = 2 WHERE "slug" = 'liuzhou';

CREATE TABLE "UserChannel" (
    "userId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "channelId"),
    CONSTRAINT "UserChannel_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ArticleReviewEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "userId" INTEGER,
    "action" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleReviewEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleReviewEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE INDEX "Article_reviewState_channelId_updatedAt_idx" ON "Article"("reviewState", "channelId", "updatedAt");
CREATE INDEX "Article_authorId_reviewState_idx" ON "Article"("authorId", "reviewState");
CREATE INDEX "UserChannel_channelId_idx" ON "UserChannel"("channelId");
CREATE INDEX "ArticleReviewEvent_articleId_id_idx" ON "ArticleReviewEvent"("articleId", "id");
