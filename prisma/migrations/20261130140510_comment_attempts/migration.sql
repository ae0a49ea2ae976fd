-- Accepted reader comments of the last day, counted by the per-address rate limit and the
-- duplicate-body check so that both hold across app processes (lib/actions/comments.ts). Starts
-- empty: comments stored before this migration are not counted.

-- CreateTable
CREATE TABLE "CommentAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ipHash" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CommentAttempt_ipHash_createdAt_idx" ON "CommentAttempt"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "CommentAttempt_bodyHash_createdAt_idx" ON "CommentAttempt"("bodyHash", "createdAt");

-- CreateIndex
CREATE INDEX "CommentAttempt_createdAt_idx" ON "CommentAttempt"("createdAt");
