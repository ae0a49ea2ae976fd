"use client";
import { useEffect, useState } from "react";
import { LIVE_POLL_MS, liveEntryAnchor, type LiveEntryView, type LiveView } from "@/lib/live/view";

/**
 * A story's live coverage: the badge and the entries, newest first with the pinned one on top.
 * Rendered on the server into the cached page (readers without JavaScript see every entry the
 * page had); while the coverage runs, the page asks /api/live/<id> (cached whole, no query when
 * warm) every LIVE_POLL_MS for news, only while the tab is visible, and stops once it has ended.
 */
export function LiveCoverage({ articleId, initial }: { articleId: number; initial: LiveView }) {
  const [view, setView] = useState(initial);
  const live = view.live;
  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let etag = "";
    const poll = async () => {
      try {
        const res = await fetch(`/api/live/${articleId}`, { cache: "no-store" });
        const tag = res.headers.get("etag") ?? "";
        if (res.ok && (tag === "" || tag !== etag)) {
          etag = tag;
          setView((await res.json()) as LiveView);
        }
      } catch {
        // Offline for a moment: the next round tries again.
      }
      schedule();
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = document.hidden ? undefined : setTimeout(() => void poll(), LIVE_POLL_MS);
    };
    // A hidden tab stops asking; coming back asks at once.
    const onVisible = () => (document.hidden ? clearTimeout(timer) : void poll());
    document.addEventListener("visibilitychange", onVisible);
    schedule();
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [articleId, live]);

  const pinned = view.entries.find((e) => e.pinned);
  const rest = view.entries.filter((e) => e !== pinned);
  return (
    <section className="live" aria-labelledby="live-heading">
      <h2 id="live-heading" className="live-head">
        直播
        <span className={live ? "live-badge live-on" : "live-badge"}>{live ? "直播中" : "直播已结束"}</span>
      </h2>
      {pinned ? <Entry entry={pinned} /> : null}
      {rest.length > 0 ? (
        <ol className="live-entries" aria-live="polite">
          {rest.map((e) => (
            <li key={e.id}>
              <Entry entry={e} />
            </li>
          ))}
        </ol>
      ) : pinned ? null : (
        <p className="live-empty">直播即将开始，请稍候。</p>
      )}
    </section>
  );
}

function Entry({ entry: e }: { entry: LiveEntryView }) {
  return (
    <article id={liveEntryAnchor(e.id)} className={e.pinned ? "live-entry live-pinned" : "live-entry"}>
      <p className="live-time">
        {e.pinned ? <span className="live-pin">置顶</span> : null}
        <time dateTime={e.at}>{e.time}</time>
        {e.correctedAt ? <span className="live-corrected">已更正</span> : null}
      </p>
      {e.body.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {e.quote ? (
        <figure className="live-quote">
          <blockquote>
            <p>{e.quote}</p>
          </blockquote>
          {e.quoteBy ? <figcaption>——{e.quoteBy}</figcaption> : null}
        </figure>
      ) : null}
      {e.image ? (
        <figure className="live-figure">
          {/* eslint-disable-next-line @next/next/no-img-element -- derivatives of our own (components/LeadImage.tsx) */}
          <img
            src={e.image.src}
            srcSet={e.image.srcSet}
            sizes="(max-width: 720px) 100vw, 640px"
            width={e.image.width}
            height={e.image.height}
            alt={e.image.alt}
            loading="lazy"
            decoding="async"
          />
          {e.image.caption || e.image.credit ? (
            <figcaption>
              {e.image.caption}
              {e.image.credit ? `（${e.image.credit}）` : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
    </article>
  );
}
