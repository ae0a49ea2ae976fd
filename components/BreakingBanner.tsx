import Link from "next/link";
import type { BannerView } from "@/lib/data/banner";

/** The 突发 strip under the header: a named region, so screen readers can find it and skip it. */
export function BreakingBanner({ banner }: { banner: BannerView }) {
  return (
    <section className="breaking" aria-label="突发新闻">
      <div className="wrap breaking-inner">
        <span className="breaking-label">突发</span>
        <Link href={banner.href} className="breaking-link">
          {banner.text}
        </Link>
      </div>
    </section>
  );
}
