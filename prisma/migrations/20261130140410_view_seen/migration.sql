-- The (client, story) pairs counted recently, shared by every app process (lib/sqlite.ts, the view
-- writer): a view counts only when its pair has no row or the row's window has ended.

-- CreateTable
CREATE TABLE "ViewSeen" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "until" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ViewSeen_until_idx" ON "ViewSeen"("until");
