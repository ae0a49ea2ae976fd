import type { Metadata } from "next";
import { signedInAdmin } from "@/lib/auth/session";
import { AdminForbiddenPage } from "@/app/admin/_components/admin-forbidden";
import { listChannelsForAdmin } from "@/lib/data/admin-channels";
import { listRegionsForAdmin } from "@/lib/data/admin-regions";
import { ChannelForm } from "./channel-form";
import { NewChannelForm } from "./new-channel-form";

export const metadata: Metadata = { title: "频道" };

export default async function ChannelsPage() {
  if (!(await signedInAdmin("/admin/channels"))) return <AdminForbiddenPage />;
  const [channels, regions] = await Promise.all([listChannelsForAdmin(), listRegionsForAdmin()]);
  return (
    <>
      <h1>频道</h1>
      <p className="adm-lead">
        频道名称、地址、在频道栏中的顺序、口号和审核级数。修改地址后，旧地址（频道页和稿件页）会永久跳转到新地址。
      </p>
      <section className="adm-panel" aria-label="频道列表">
        {channels.map((c) => (
          <ChannelForm
            key={c.id}
            channel={c}
            oldSlugs={c.oldSlugs}
            meta={`${c.regionName}，${c.articleCount} 篇稿件`}
          />
        ))}
      </section>
      <section className="adm-panel" aria-label="新建频道">
        <NewChannelForm
          regions={regions.filter((r) => r.level !== "province").map((r) => ({ id: r.id, label: r.path }))}
        />
      </section>
    </>
  );
}
