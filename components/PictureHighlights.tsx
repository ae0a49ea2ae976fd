import Link from "next/link";
import type { ArticleCard } from "@/lib/data/types";
import { LeadImage } from "@/components/LeadImage";

/** 图文看点: image + caption, each linking to its story. */
export function PictureHighlights({ items }: { items: ArticleCard[] }) {
  const withImages = items.filter((a) => a.image);
  if (withImages.length === 0) return <p className="empty">暂无图片新闻</p>;
  return (
    <ul className="pictures">
      {withImages.map((a) =>
        a.image ? (
          <li key={a.id}>
            <Link href={a.href}>
              <figure>
                <LeadImage image={a.image} sizes="(max-width: 640px) 50vw, 160px" />
                <figcaption>{a.title}</figcaption>
              </figure>
            </Link>
          </li>
        ) : null,
      )}
    </ul>
  );
}
