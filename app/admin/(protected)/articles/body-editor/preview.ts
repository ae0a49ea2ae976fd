"use client";
// The live preview: the editor's HTML, sent a moment after typing stops to the preview route
// (app/admin/api/body/preview), comes back rendered by the reader page's own write-time renderer
// (lib/body/render.ts). Nothing is saved.
import { useEffect, useState } from "react";

const PREVIEW_URL = "/admin/api/body/preview";
const DEBOUNCE_MS = 400;

export interface LivePreview {
  html: string;
  state: "ready" | "updating" | "failed";
  message: string;
}

export function useLivePreview(body: string): LivePreview {
  const [preview, setPreview] = useState<LivePreview>({ html: "", state: "updating", message: "" });
  useEffect(() => {
    const abort = new AbortController();
    const update = async () => {
      setPreview((p) => ({ ...p, state: "updating" }));
      try {
        const response = await fetch(PREVIEW_URL, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ body }),
          signal: abort.signal,
        });
        const answer = (await response.json().catch(() => null)) as
          { ok: true; html: string } | { ok: false; message: string } | null;
        if (answer?.ok) setPreview({ html: answer.html, state: "ready", message: "" });
        else
          setPreview((p) => ({
            ...p,
            state: "failed",
            message: answer?.message ?? `预览暂时无法更新（${response.status}）`,
          }));
      } catch {
        // An aborted request is a newer body on its way, not a failure.
        if (!abort.signal.aborted)
          setPreview((p) => ({ ...p, state: "failed", message: "预览暂时无法更新，请检查网络" }));
      }
    };
    const timer = setTimeout(() => void update(), DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [body]);
  return preview;
}
