-- Channel page N starts at story (N-1)·20 of the channel, newest first. Walking the index to that
-- story (OFFSET) reads 100,000 entries at page 5,000. Instead the published stories of each channel
-- are counted per UTC day and per UTC month of their publication time, by the triggers below in
-- the same statement as the change, and a page adds up month and day counts to find the day that
-- holds its first story, then walks only that day (lib/data/channel-pages.ts). Like
-- ChannelStoryCount, scheduled stories (time still ahead) are counted: a page never uses the
-- counts of today or later, which it reads directly.
--
-- The day is the first 10 (month: 7) characters of "publishedAt" as stored: the better-sqlite3
-- adapter writes DateTime columns as ISO-8601 text in UTC ("2026-11-30T08:00:00.000+00:00").
--
-- WARNING for later migrations (as for 20261130130000_channel_story_count): when Prisma redefines
-- "Article" (CREATE "new_Article", copy, DROP, RENAME), SQLite drops these triggers with the old
-- table. Such a migration must end by re-creating them from this file and recounting.

-- CreateTable
CREATE TABLE "ChannelDayCount" (
    "channelId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("channelId", "day"),
    CONSTRAINT "ChannelDayCount_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChannelMonthCount" (
    "channelId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("channelId", "month"),
    CONSTRAINT "ChannelMonthCount_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO "ChannelDayCount" ("channelId", "day", "published")
SELECT "channelId", substr("publishedAt", 1, 10), count(*) FROM "Article"
WHERE "status" = 'published' AND "publishedAt" IS NOT NULL
GROUP BY "channelId", substr("publishedAt", 1, 10);

INSERT INTO "ChannelMonthCount" ("channelId", "month", "published")
SELECT "channelId", substr("day", 1, 7), sum("published") FROM "ChannelDayCount"
GROUP BY "channelId", substr("day", 1, 7);

CREATE TRIGGER "Article_channel_day_ai" AFTER INSERT ON "Article"
WHEN new."status" = 'published' AND new."publishedAt" IS NOT NULL BEGIN
    INSERT INTO "ChannelDayCount" ("channelId", "day", "published")
    VALUES (new."channelId", substr(new."publishedAt", 1, 10), 1)
    ON CONFLICT ("channelId", "day") DO UPDATE SET "published" = "published" + 1;
    INSERT INTO "ChannelMonthCount" ("channelId", "month", "published")
    VALUES (new."channelId", substr(new."publishedAt", 1, 7), 1)
    ON CONFLICT ("channelId", "month") DO UPDATE SET "published" = "published" + 1;
END;

CREATE TRIGGER "Article_channel_day_ad" AFTER DELETE ON "Article"
WHEN old."status" = 'published' AND old."publishedAt" IS NOT NULL BEGIN
    UPDATE "ChannelDayCount" SET "published" = "published" - 1
    WHERE "channelId" = old."channelId" AND "day" = substr(old."publishedAt", 1, 10);
    UPDATE "ChannelMonthCount" SET "published" = "published" - 1
    WHERE "channelId" = old."channelId" AND "month" = substr(old."publishedAt", 1, 7);
END;

-- Only when something counted changes: a save rewrites these columns with the same values.
CREATE TRIGGER "Article_channel_day_au" AFTER UPDATE OF "status", "publishedAt", "channelId" ON "Article"
WHEN old."status" IS NOT new."status" OR old."publishedAt" IS NOT new."publishedAt"
  OR old."channelId" IS NOT new."channelId" BEGIN
    UPDATE "ChannelDayCount" SET "published" = "published" - 1
    WHERE old."status" = 'published' AND old."publishedAt" IS NOT NULL
      AND "channelId" = old."channelId" AND "day" = substr(old."publishedAt", 1, 10);
    UPDATE "ChannelMonthCount" SET "published" = "published" - 1
    WHERE old."status" = 'published' AND old."publishedAt" IS NOT NULL
      AND "channelId" = old."channelId" AND "month" = substr(old."publishedAt", 1, 7);
    INSERT INTO "ChannelDayCount" ("channelId", "day", "published")
    SELECT new."channelId", substr(new."publishedAt", 1, 10), 1
    WHERE new."status" = 'published' AND new."publishedAt" IS NOT NULL
    ON CONFLICT ("channelId", "day") DO UPDATE SET "published" = "published" + 1;
    INSERT INTO "ChannelMonthCount" ("channelId", "month", "published")
    SELECT new."channelId", substr(new."publishedAt", 1, 7), 1
    WHERE new."status" = 'published' AND new."publishedAt" IS NOT NULL
    ON CONFLICT ("channelId", "month") DO UPDATE SET "published" = "published" + 1;
END;
