// The anchors of a gallery's images (`#p3` is the third): the page's links without JavaScript and
// the small script that enhances them share these. No imports: it ships to the browser.

/** The anchor of the n-th image (1-based). */
export function slideId(n: number): string {
  return `p${n}`;
}

/** Which image of `count` a fragment names (1-based); null when none. */
export function slideFromHash(hash: string, count: number): number | null {
  const m = /^#p([1-9][0-9]{0,2})$/.exec(hash);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= count ? n : null;
}
