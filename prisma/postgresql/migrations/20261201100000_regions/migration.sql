-- Regions get a pinyin slug (unique among siblings): province and city hubs live at
-- /region/<province>[/<city>]. Existing rows of the default tree get their pinyin; any other row
-- a placeholder the admin can see in /admin/regions.
ALTER TABLE "Region" ADD COLUMN "slug" TEXT;
UPDATE "Region" SET "slug" = CASE "name"
        WHEN '广西' THEN 'guangxi'
        WHEN '广西壮族自治区' THEN 'guangxi'
        WHEN '柳州市' THEN 'liuzhou'
        WHEN '柳江区' THEN 'liujiang'
        WHEN '柳城县' THEN 'liucheng'
        WHEN '鹿寨县' THEN 'luzhai'
        WHEN '融安县' THEN 'rongan'
        WHEN '融水苗族自治县' THEN 'rongshui'
        WHEN '三江侗族自治县' THEN 'sanjiang'
        ELSE 'region-' || "id"
    END;
ALTER TABLE "Region" ALTER COLUMN "slug" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Region_parentId_slug_key" ON "Region"("parentId", "slug");
