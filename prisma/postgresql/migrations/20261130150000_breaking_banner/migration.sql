-- CreateTable
CREATE TABLE "BreakingBanner" (
    "id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BreakingBanner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BreakingBanner_articleId_idx" ON "BreakingBanner"("articleId");

-- AddForeignKey
ALTER TABLE "BreakingBanner" ADD CONSTRAINT "BreakingBanner_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakingBanner" ADD CONSTRAINT "BreakingBanner_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

