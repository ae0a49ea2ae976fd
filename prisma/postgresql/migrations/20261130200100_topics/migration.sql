-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "bannerImageId" INTEGER,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "featuredOnHome" BOOLEAN NOT NULL DEFAULT false,
    "homeOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicSection" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tagId" INTEGER,

    CONSTRAINT "TopicSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicStory" (
    "sectionId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "TopicStory_pkey" PRIMARY KEY ("sectionId","articleId")
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

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_bannerImageId_fkey" FOREIGN KEY ("bannerImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSection" ADD CONSTRAINT "TopicSection_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSection" ADD CONSTRAINT "TopicSection_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicStory" ADD CONSTRAINT "TopicStory_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "TopicSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicStory" ADD CONSTRAINT "TopicStory_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

