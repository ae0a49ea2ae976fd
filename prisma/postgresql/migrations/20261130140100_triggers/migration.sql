-- The PostgreSQL twins of the SQLite triggers of prisma/migrations/20261130110000_article_tag_visibility
-- (each tag link carries a copy of its story's status and publication time, so a tag page is one
-- index range) and 20261130130000_channel_story_count (published stories per channel). Same rules,
-- same columns; never written by the app.

CREATE FUNCTION "difang_article_tag_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a."status", a."publishedAt" INTO NEW."status", NEW."publishedAt"
    FROM "Article" a WHERE a."id" = NEW."articleId";
    NEW."status" := coalesce(NEW."status", 'draft');
    RETURN NEW;
END $$;

CREATE TRIGGER "ArticleTag_story_copy_bi" BEFORE INSERT ON "ArticleTag"
FOR EACH ROW EXECUTE FUNCTION "difang_article_tag_copy"();

CREATE FUNCTION "difang_article_tag_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ArticleTag" SET "status" = NEW."status", "publishedAt" = NEW."publishedAt"
    WHERE "articleId" = NEW."id";
    RETURN NULL;
END $$;

CREATE TRIGGER "Article_tag_copy_au" AFTER UPDATE OF "status", "publishedAt" ON "Article"
FOR EACH ROW
WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
EXECUTE FUNCTION "difang_article_tag_follow"();

CREATE FUNCTION "difang_channel_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'published' AND OLD."publishedAt" IS NOT NULL THEN
        UPDATE "ChannelStoryCount" SET "published" = "published" - 1 WHERE "channelId" = OLD."channelId";
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."status" = 'published' AND NEW."publishedAt" IS NOT NULL THEN
        INSERT INTO "ChannelStoryCount" ("channelId", "published") VALUES (NEW."channelId", 1)
        ON CONFLICT ("channelId") DO UPDATE SET "published" = "ChannelStoryCount"."published" + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "Article_channel_count_ai" AFTER INSERT ON "Article"
FOR EACH ROW EXECUTE FUNCTION "difang_channel_count"();
CREATE TRIGGER "Article_channel_count_ad" AFTER DELETE ON "Article"
FOR EACH ROW EXECUTE FUNCTION "difang_channel_count"();
CREATE TRIGGER "Article_channel_count_au" AFTER UPDATE OF "status", "publishedAt", "channelId" ON "Article"
FOR EACH ROW EXECUTE FUNCTION "difang_channel_count"();
