-- CreateTable
CREATE TABLE "ArticleAutosave" (
    "userId" INTEGER NOT NULL,
    "slot" TEXT NOT NULL,
    "articleId" INTEGER,
    "fields" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleAutosave_pkey" PRIMARY KEY ("userId","slot")
);

-- CreateTable
CREATE TABLE "ArticleLock" (
    "articleId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleLock_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "ArticleAutosave_articleId_idx" ON "ArticleAutosave"("articleId");

-- CreateIndex
CREATE INDEX "ArticleLock_userId_idx" ON "ArticleLock"("userId");

-- AddForeignKey
ALTER TABLE "ArticleAutosave" ADD CONSTRAINT "ArticleAutosave_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAutosave" ADD CONSTRAINT "ArticleAutosave_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLock" ADD CONSTRAINT "ArticleLock_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLock" ADD CONSTRAINT "ArticleLock_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

