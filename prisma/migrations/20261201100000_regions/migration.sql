-- Regions get a pinyin slug (unique among siblings): province and city hubs live at
-- /region/<province>[/<city>]. Existing rows of the default tree get their pinyin; any other row
-- a placeholder the admin can see in /admin/regions.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Region" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentId" INTEGER,
    CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Region" ("id", "level", "name", "slug", "parentId")
SELECT "id", "level", "name",
    CASE "name"
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
    END,
    "parentId"
FROM "Region";
DROP TABLE "Region";
ALTER TABLE "new_Region" RENAME TO "Region";
CREATE UNIQUE INDEX "Region_parentId_name_key" ON "Region"("parentId", "name");
CREATE UNIQUE INDEX "Region_parentId_slug_key" ON "Region"("parentId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
