-- Accepted reader comments of the last day, counted by the per-address rate limit and the
-- duplicate-body check so that both hold across app processes (lib/actions/comments.ts). Starts
-- empty: comments stored before this migration are not counted.

-- CreateTable
CREATE TABLE "CommentAttempt" (
    "id" SERIAL NOT NULL,
    "ipHash" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentAttempt_ipHash_createdAt_idx" ON "CommentAttempt"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "CommentAttempt_bodyHash_createdAt_idx" ON "CommentAttempt"("bodyHash", "createdAt");

-- CreateIndex
CREATE INDEX "CommentAttempt_createdAt_idx" ON "CommentAttempt"("createdAt");
