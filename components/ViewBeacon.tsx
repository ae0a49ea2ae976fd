"use client";
import { useEffect } from "react";

/**
 * Counts one view after the page has loaded, so that article pages stay cacheable. Uses
 * sendBeacon (survives navigation) and falls back to fetch keepalive.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const url = `/api/views/${articleId}`;
    if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon(url)) return;
    void fetch(url, { method: "POST", keepalive: true }).catch(() => undefined);
  }, [articleId]);
  return null;
}
