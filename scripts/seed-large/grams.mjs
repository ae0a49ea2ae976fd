// The gram index's text of a story, as the view "ArticleSearchGramText" of
// prisma/migrations/20261130200500_search_bigrams computes it in SQL, for bulk loads: every
// character and every pair of adjacent characters of title, summary and bodyText (joined by a
// newline), after lower-casing ASCII letters, each as the hex of its UTF-8 bytes, comma-separated
// (the same set of tokens; order and repeats do not matter to the index).
// lib/data/search-grams.int.test.ts checks that both give the same tokens.

/** @param {string} title @param {string} summary @param {string} bodyText */
export function gramText(title, summary, bodyText) {
  const text = `${title}\n${summary}\n${bodyText}`.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const bytes = Buffer.from(text, "utf8");
  // Where each character starts (a byte that does not continue one), and the end.
  const starts = [];
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] & 0xc0) !== 0x80) starts.push(i);
  starts.push(bytes.length);
  const grams = new Set();
  for (let k = 0; k + 1 < starts.length; k++) {
    grams.add(bytes.toString("hex", starts[k], starts[k + 1]));
    if (k + 2 < starts.length) grams.add(bytes.toString("hex", starts[k], starts[k + 2]));
  }
  return [...grams].join(",").toUpperCase();
}
