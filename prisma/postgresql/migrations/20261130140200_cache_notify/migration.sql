-- Every CacheInvalidation row is sent to the app processes as it commits (NOTIFY is delivered at
-- commit, in commit order; lib/postgres/invalidation.ts listens). Payload: {"tag": …, "dueAt": epoch
-- ms or null}; tags are short (lib/articles/cache-tags.ts), far below NOTIFY's 8,000-byte limit.
CREATE FUNCTION "difang_cache_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('difang_invalidation', json_build_object(
        'tag', NEW."tag",
        'dueAt', CASE WHEN NEW."dueAt" IS NULL THEN NULL
                      ELSE floor(extract(epoch FROM NEW."dueAt") * 1000)::bigint END
    )::text);
    RETURN NULL;
END $$;

CREATE TRIGGER "CacheInvalidation_notify_ai" AFTER INSERT ON "CacheInvalidation"
FOR EACH ROW EXECUTE FUNCTION "difang_cache_notify"();
