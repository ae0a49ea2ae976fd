import { Suspense, type ReactNode } from "react";
import { notFound } from "next/navigation";
import { NotFoundContent } from "@/components/NotFoundContent";

function NotFoundSignal(): never {
  notFound();
}

/**
 * What a cached reader page renders when its address leads nowhere (an unknown or unpublished
 * story, channel, tag or page number). The signal's notFound() is caught by its own boundary, so
 * React completes the page around it and Next answers 404 with this content server-rendered inside
 * the site's frame, also for readers without JavaScript, and caches that answer like the page. A
 * notFound() thrown by the page itself would give a 404 with an empty body (vercel/next.js#62228).
 * `children`, when given, replace the general not-found text (e.g. a comment page past the last).
 */
export function NotFoundPage({ children }: { children?: ReactNode }) {
  return (
    <>
      <Suspense fallback={null}>
        <NotFoundSignal />
      </Suspense>
      {children ?? <NotFoundContent />}
    </>
  );
}
