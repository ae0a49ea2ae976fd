import Link from "next/link";
import type { SidebarData } from "@/lib/data/page-data";
import { SidebarBlock } from "@/components/SidebarBlock";
import { BulletList } from "@/components/ArticleList";
import { PictureHighlights } from "@/components/PictureHighlights";
import { HotRanking } from "@/components/HotRanking";

/** The right-hand column shared by home, channel and article pages. */
export function PortalSidebar({ data }: { data: SidebarData }) {
  return (
    <aside className="sidebar" aria-label="推荐与排行">
      <SidebarBlock title="频道推荐" id="channel-picks">
        <BulletList items={data.channelPicks} />
      </SidebarBlock>
      <SidebarBlock title="热点阅读" id="hot-reading">
        <BulletList items={data.hotReading} />
      </SidebarBlock>
      <SidebarBlock title="图文看点" id="pictures">
        <PictureHighlights items={data.pictures} />
      </SidebarBlock>
      <SidebarBlock title="乡里乡亲" id="community">
        <BulletList items={data.community} />
      </SidebarBlock>
      <SidebarBlock
        title="热点排行"
        id="hot-ranking"
        more={
          <Link href="/rank" className="more" aria-label="热点排行：更多">
            更多
          </Link>
        }
      >
        <HotRanking lists={data.ranking} />
      </SidebarBlock>
    </aside>
  );
}
