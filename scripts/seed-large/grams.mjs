// The gram index's text of a story, as the view "ArticleSearchGramText" of
// prisma/migrations/20261130200500_search_bigrams computes it in SQL, for bulk loads: every
// character and every pair of adjacent characters of title, summary and bodyText (joined by a
// newline), after lower-casing ASCII letters, each as the hex of its UTF-8 bytes, comma-separated
// (the same set of tokens; order and repeats do not matter to the index).
// lib/data/search-grams.int.test.ts checks that both give the same tokens.

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0").toUpperCase());
const encoder = new TextEncoder();

/** @param {string} title @param {string} summary @param {string} bodyText */
export function gramText(title, summary, bodyText) {
  const text = `${title}\n${summary}\n${bodyText}`.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const chars = Array.from(text, (ch) => {
    let hex = "";
    for (const b of encoder.encode(ch)) hex += HEX[b];
    return hex;
  });
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams].join(",");
}
