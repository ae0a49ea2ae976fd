import { Fragment } from "react";
import { highlightSegments } from "@/lib/search-text";

/**
 * Text with the search terms wrapped in <mark>. The text is split into segments and rendered as
 * React text nodes, so nothing in it is ever parsed as HTML.
 */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((s, i) =>
        s.match ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>,
      )}
    </>
  );
}
