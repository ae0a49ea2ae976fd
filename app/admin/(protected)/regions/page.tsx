import type { Metadata } from "next";
import Link from "next/link";
import { signedInAdmin } from "@/lib/auth/session";
import { AdminForbiddenPage } from "@/app/admin/_components/admin-forbidden";
import { listRegionsForAdmin } from "@/lib/data/admin-regions";
import { REGION_LEVEL_LABELS } from "@/lib/regions/rules";
import { RegionForm } from "./region-form";

export const metadata: Metadata = { title: "地区" };

export default async function RegionsPage() {
  if (!(await signedInAdmin("/admin/regions"))) return <AdminForbiddenPage />;
  const regions = await listRegionsForAdmin();
  const parents = regions
    .filter((r) => r.level !== "county")
    .map((r) => ({ id: r.id, label: `${r.path}（${REGION_LEVEL_LABELS[r.level]}）` }));
  return (
    <>
      <h1>地区</h1>
      <p className="adm-lead">
        地方网由省份、城市和区县组成。每个城市有自己的主页、频道栏和排行；添加城市和区县后，在
        <Link href="/admin/channels">频道</Link>页为它们新建频道，读者页面随即更新，无需重启。
      </p>
      <section className="adm-panel" aria-label="地区列表">
        <div className="adm-table-wrap">
          <table className="admin-table adm-stacked">
            <thead>
              <tr>
                <th scope="col">地区</th>
                <th scope="col">级别</th>
                <th scope="col">地址</th>
                <th scope="col">频道</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.id}>
                  <td data-label="地区">{r.path}</td>
                  <td data-label="级别">{REGION_LEVEL_LABELS[r.level]}</td>
                  <td data-label="地址">{r.href ? <Link href={r.href}>{r.href}</Link> : r.slug}</td>
                  <td data-label="频道">{r.channelCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="adm-panel" aria-label="添加地区">
        <RegionForm parents={parents} />
      </section>
    </>
  );
}
