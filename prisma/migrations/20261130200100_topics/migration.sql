-- CreateTable
CREATE TABLE "Topic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "bannerImageId" INTEGER,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "featuredOnHome" BOOLEAN NOT NULL DEFAULT false,
    "homeOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Topic_bannerImageId_fkey" FOREIGN KEY ("bannerImageId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TopicSection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topicId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tagId" INTEGER,
    CONSTRAINT "TopicSection_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TopicSection_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TopicStory" (
    "sectionId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("sectionId", "articleId"),
    CONSTRAINT "TopicStory_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "TopicSection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TopicStory_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE INDEX "Topic_published_publishedAt_idx" ON "Topic"("published", "publishedAt");

-- CreateIndex
CREATE INDEX "Topic_featuredOnHome_published_homeOrder_idx" ON "Topic"("featuredOnHome", "published", "homeOrder");

-- CreateIndex
CREATE INDEX "TopicSection_tagId_idx" ON "TopicSection"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicSection_topicId_position_key" ON "TopicSection"("topicId", "position");

-- CreateIndex
CREATE INDEX "TopicStory_sectionId_position_idx" ON "TopicStory"("sectionId", "position");

-- CreateIndex
CREATE INDEX "TopicStory_articleId_idx" ON "TopicStory"("articleId");

