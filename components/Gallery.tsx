import type { GallerySlide } from "@/lib/data/galleries";
import { slideId } from "@/lib/galleries/slides";
import { LeadImage } from "@/components/LeadImage";
import { GalleryKeys } from "@/components/GalleryKeys";

/**
 * 图集: one large image at a time with its number (3/12), caption and credit. Every image has its
 * own anchor (#p3), and the previous/next links and the numbered index are plain links to them, so
 * without JavaScript CSS :target shows the image a link names. GalleryKeys adds the arrow keys and
 * swipes and switches images without scrolling. Only the first image loads with the page; the
 * others (display: none until shown) load lazily from the same responsive derivatives as lead images.
 */
export function Gallery({ slides, title }: { slides: GallerySlide[]; title: string }) {
  const count = slides.length;
  const href = (n: number) => `#${slideId(((n - 1 + count) % count) + 1)}`;
  return (
    <section className="gallery" id="gallery" aria-label={`图集：${title}（共 ${count} 张）`}>
      <ol className="gallery-slides">
        {slides.map(({ n, image }) => (
          <li key={n} id={slideId(n)} className="gallery-slide">
            <figure>
              <LeadImage image={image} sizes="(max-width: 960px) 100vw, 760px" priority={n === 1} />
              <figcaption>
                <span className="gallery-count">
                  {n}/{count}
                </span>{" "}
                {image.caption}
                {image.credit ? <span className="credit">（{image.credit}）</span> : null}
              </figcaption>
            </figure>
            {count > 1 ? (
              <p className="gallery-step">
                <a href={href(n - 1)} aria-label={`上一张（第 ${((n - 2 + count) % count) + 1} 张）`}>
                  ‹ 上一张
                </a>
                <a href={href(n + 1)} aria-label={`下一张（第 ${(n % count) + 1} 张）`}>
                  下一张 ›
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {count > 1 ? (
        <nav className="gallery-index" aria-label="图集目录">
          <ol>
            {slides.map(({ n }) => (
              <li key={n}>
                <a href={`#${slideId(n)}`} aria-label={`第 ${n} 张`}>
                  {n}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <GalleryKeys count={count} />
    </section>
  );
}
