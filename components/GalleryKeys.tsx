"use client";
import { useEffect } from "react";
import { slideFromHash, slideId } from "@/lib/galleries/slides";

/**
 * The gallery's small enhancement (components/Gallery.tsx works without it): the arrow keys and
 * horizontal swipes step through the images, and the gallery's own links switch images in place
 * (no scroll, the address's #pN kept current with replaceState, focus kept on the link pressed).
 */
export function GalleryKeys({ count }: { count: number }) {
  useEffect(() => {
    const root = document.getElementById("gallery");
    if (!root || count < 2) return;
    const slides = root.querySelectorAll<HTMLElement>(".gallery-slide");
    const index = root.querySelectorAll<HTMLElement>(".gallery-index a");
    let current = slideFromHash(location.hash, count) ?? 1;
    const show = (n: number) => {
      current = ((n - 1 + count) % count) + 1;
      slides.forEach((s, i) => s.toggleAttribute("data-show", i + 1 === current));
      index.forEach((a, i) => {
        if (i + 1 === current) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      });
      // The next image starts loading now, so that stepping on shows it at once.
      const next = slides[current % count]?.querySelector("img");
      if (next) next.loading = "eager";
    };
    const go = (n: number) => {
      show(n);
      history.replaceState(history.state, "", `#${slideId(current)}`);
    };
    const onClick = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest("a") : null;
      const n = link ? slideFromHash(link.getAttribute("href") ?? "", count) : null;
      if (!link || !n) return;
      e.preventDefault();
      const step = link.closest(".gallery-step")
        ? [...(link.parentElement?.children ?? [])].indexOf(link)
        : -1;
      go(n);
      // The pressed link was in the image now hidden: its twin in the image shown takes the focus.
      if (step >= 0) slides[current - 1]?.querySelectorAll<HTMLElement>(".gallery-step a")[step]?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      const t = e.target;
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))
        return;
      const step = e.key === "ArrowLeft" ? -1 : e.key === "ArrowRight" ? 1 : 0;
      if (step === 0) return;
      e.preventDefault();
      go(current + step);
    };
    let x0 = 0;
    let y0 = 0;
    const onTouchStart = (e: TouchEvent) => {
      x0 = e.touches[0]?.clientX ?? 0;
      y0 = e.touches[0]?.clientY ?? 0;
    };
    const onTouchEnd = (e: TouchEvent) => {
      const t = e.changedTouches[0];
      if (!t) return;
      const dx = t.clientX - x0;
      // A swipe is a clearly horizontal move of 40 px or more; anything else is scrolling.
      if (Math.abs(dx) >= 40 && Math.abs(dx) > 2 * Math.abs(t.clientY - y0)) go(current + (dx < 0 ? 1 : -1));
    };
    root.setAttribute("data-js", "");
    show(current);
    root.addEventListener("click", onClick);
    root.addEventListener("touchstart", onTouchStart, { passive: true });
    root.addEventListener("touchend", onTouchEnd);
    document.addEventListener("keydown", onKey);
    return () => {
      root.removeAttribute("data-js");
      root.removeEventListener("click", onClick);
      root.removeEventListener("touchstart", onTouchStart);
      root.removeEventListener("touchend", onTouchEnd);
      document.removeEventListener("keydown", onKey);
    };
  }, [count]);
  return null;
}
