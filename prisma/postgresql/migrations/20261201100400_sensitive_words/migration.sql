-- CreateTable
CREATE TABLE "SensitiveWord" (
    "id" SERIAL NOT NULL,
    "word" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'block',
    "category" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SensitiveWord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SensitiveWord_word_key" ON "SensitiveWord"("word");

-- CreateIndex
CREATE INDEX "SensitiveWord_kind_category_idx" ON "SensitiveWord"("kind", "category");
