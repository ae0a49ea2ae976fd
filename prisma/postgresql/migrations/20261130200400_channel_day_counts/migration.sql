-- The PostgreSQL twin of prisma/migrations/20261130200400_channel_day_counts (published stories of
-- each channel per UTC day and month of their publication time, so a deep channel page finds its
-- first story by adding counts up). Same rules, same columns; never written by the app.
-- "publishedAt" is a timestamp without time zone holding UTC (Prisma's mapping of DateTime).

-- CreateTable
CREATE TABLE "ChannelDayCount" (
    "channelId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChannelDayCount_pkey" PRIMARY KEY ("channelId","day")
);

-- CreateTable
CREATE TABLE "ChannelMonthCount" (
    "channelId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChannelMonthCount_pkey" PRIMARY KEY ("channelId","month")
);

-- AddForeignKey
ALTER TABLE "ChannelDayCount" ADD CONSTRAINT "ChannelDayCount_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelMonthCount" ADD CONSTRAINT "ChannelMonthCount_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "ChannelDayCount" ("channelId", "day", "published")
SELECT "channelId", to_char("publishedAt", 'YYYY-MM-DD'), count(*) FROM "Article"
WHERE "status" = 'published' AND "publishedAt" IS NOT NULL
GROUP BY 1, 2;

INSERT INTO "ChannelMonthCount" ("channelId", "month", "published")
SELECT "channelId", substr("day", 1, 7), sum("published") FROM "ChannelDayCount"
GROUP BY 1, 2;

CREATE FUNCTION "difang_channel_day_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'published' AND OLD."publishedAt" IS NOT NULL THEN
        UPDATE "ChannelDayCount" SET "published" = "published" - 1
        WHERE "channelId" = OLD."channelId" AND "day" = to_char(OLD."publishedAt", 'YYYY-MM-DD');
        UPDATE "ChannelMonthCount" SET "published" = "published" - 1
        WHERE "channelId" = OLD."channelId" AND "month" = to_char(OLD."publishedAt", 'YYYY-MM');
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."status" = 'published' AND NEW."publishedAt" IS NOT NULL THEN
        INSERT INTO "ChannelDayCount" ("channelId", "day", "published")
        VALUES (NEW."channelId", to_char(NEW."publishedAt", 'YYYY-MM-DD'), 1)
        ON CONFLICT ("channelId", "day") DO UPDATE SET "published" = "ChannelDayCount"."published" + 1;
        INSERT INTO "ChannelMonthCount" ("channelId", "month", "published")
        VALUES (NEW."channelId", to_char(NEW."publishedAt", 'YYYY-MM'), 1)
        ON CONFLICT ("channelId", "month") DO UPDATE SET "published" = "ChannelMonthCount"."published" + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "Article_channel_day_ai" AFTER INSERT ON "Article"
FOR EACH ROW EXECUTE FUNCTION "difang_channel_day_count"();
CREATE TRIGGER "Article_channel_day_ad" AFTER DELETE ON "Article"
FOR EACH ROW EXECUTE FUNCTION "difang_channel_day_count"();
-- Only when something counted changes: a save rewrites these columns with the same values.
CREATE TRIGGER "Article_channel_day_au" AFTER UPDATE OF "status", "publishedAt", "channelId" ON "Article"
FOR EACH ROW
WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt"
      OR OLD."channelId" IS DISTINCT FROM NEW."channelId")
EXECUTE FUNCTION "difang_channel_day_count"();
