import type { ShareCard } from "@/lib/seo";

/**
 * Under the story: the QR code of its address (server-drawn SVG, lib/qr.ts) for reading on a
 * phone or sharing in WeChat, and the `itemprop` name / description / image that WeChat's crawler
 * reads for its share card (the same values as the Open Graph tags in the head).
 */
export function ShareBlock({ card, qrSvg }: { card: ShareCard; qrSvg: string }) {
  return (
    <section
      className="block share"
      aria-labelledby="share-title"
      data-block="share"
      itemScope
      itemType="https://schema.org/NewsArticle"
    >
      <meta itemProp="name" content={card.title} />
      <meta itemProp="description" content={card.description} />
      <meta itemProp="image" content={card.image.url} />
      <div className="block-head">
        <h2 id="share-title">分享</h2>
      </div>
      <div className="share-body">
        {/* The SVG comes from lib/qr.ts: drawn from the code's modules, with no text of ours in it. */}
        <div className="share-qr" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <div className="share-text">
          <p>手机扫码阅读，在微信中打开后可分享给朋友或朋友圈。</p>
          <p className="share-url">
            本文地址：<a href={card.url}>{card.url}</a>
          </p>
        </div>
      </div>
    </section>
  );
}
