// The region tree for the editor area (admins only). Never cached: a new city shows at once.
import "server-only";
import { getDb } from "@/lib/db";
import { cityHref, provinceHref } from "@/lib/regions/urls";
import type { RegionLevel } from "@/lib/regions/rules";

export interface AdminRegion {
  id: number;
  name: string;
  slug: string;
  level: RegionLevel;
  /** Names from the province down to this region, e.g. "广西 › 柳州市 › 柳江区". */
  path: string;
  depth: number;
  channelCount: number;
  /** Its hub on the site (provinces and cities). */
  href: string | null;
}

/** Every region, depth first (a province, its cities, each followed by its counties). */
export async function listRegionsForAdmin(): Promise<AdminRegion[]> {
  const db = await getDb();
  const rows = await db.region.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      level: true,
      parentId: true,
      _count: { select: { channels: true } },
    },
  });
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: AdminRegion[] = [];
  const walk = (parentId: number | null, trail: { name: string; slug: string }[]) => {
    for (const r of children.get(parentId) ?? []) {
      if (trail.length > 6) return;
      const level = (["province", "city", "county"] as const).find((l) => l === r.level) ?? "county";
      const [province] = trail;
      out.push({
        id: r.id,
        name: r.name,
        slug: r.slug,
        level,
        path: [...trail.map((t) => t.name), r.name].join(" › "),
        depth: trail.length,
        channelCount: r._count.channels,
        href:
          level === "province" && trail.length === 0
            ? provinceHref(r.slug)
            : level === "city" && province && trail.length === 1
              ? cityHref(province.slug, r.slug)
              : null,
      });
      walk(r.id, [...trail, { name: r.name, slug: r.slug }]);
    }
  };
  walk(null, []);
  return out;
}
