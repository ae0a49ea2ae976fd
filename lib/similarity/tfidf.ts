// Content similarity for 猜你喜欢 and 相关新闻: Chinese text segmented into words by jieba, words
// weighted by TF-IDF, stories compared by cosine similarity. Pure except for the segmenter.
//
//   weight(w, d) = tf(w, d) · idf(w),   tf = occurrences in body + 3 × in title + 2 × as a tag
//   idf(w)       = ln((N + 1) / (df(w) + 1)) + 1
//   sim(a, b)    = Σ weight(w, a) · weight(w, b) / (|a| · |b|)
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// Function words and newsroom boilerplate that say nothing about a story's subject.
const STOPWORDS = new Set(
  (
    "我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 这里 那里 这样 那样 一个 一些 一种 一名 一位 一批 " +
    "进行 开展 通过 以及 还有 已经 正在 可以 能够 没有 不是 就是 还是 因为 所以 但是 而且 并且 或者 如果 虽然 " +
    "目前 今年 去年 近日 日前 当天 当日 上午 下午 记者 本报 通讯员 表示 介绍 据悉 了解 其中 同时 此外 另外 " +
    "工作 相关 有关 方面 问题 情况 活动 一起 大家 不少 很多 许多 更加 非常 特别 比较 主要 重要 同比 " +
    "起来 出来 下来 上来 时候 之后 之前 以后 以前 期间 左右 以上 以下 多个 多家 每天 每年 一直 一定"
  ).split(/\s+/),
);

/** Words of a text: jieba segments, keeping words of 2+ characters that carry meaning. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cut(text, true)) {
    const w = raw.trim().toLowerCase();
    if (Array.from(w).length < 2) continue;
    if (STOPWORDS.has(w)) continue;
    if (/^[\d.,%％·\-:：/]+$/.test(w)) continue;
    if (!/[\p{Script=Han}a-z]/u.test(w)) continue;
    out.push(w);
  }
  return out;
}

export interface SimilarityDoc {
  id: number;
  title: string;
  body: string;
  tags: readonly string[];
}

export type TermCounts = Map<string, number>;

export function termCounts(doc: SimilarityDoc): TermCounts {
  const tf: TermCounts = new Map();
  const add = (w: string, n: number) => tf.set(w, (tf.get(w) ?? 0) + n);
  for (const w of tokenize(doc.body)) add(w, 1);
  for (const w of tokenize(doc.title)) add(w, 3);
  for (const t of doc.tags) add(t.toLowerCase(), 2);
  return tf;
}

export class SimilarityIndex {
  private readonly vectors = new Map<number, Map<string, number>>();
  private readonly norms = new Map<number, number>();

  constructor(counts: ReadonlyMap<number, TermCounts>) {
    const df = new Map<string, number>();
    for (const tf of counts.values()) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    const n = counts.size;
    for (const [id, tf] of counts) {
      const v = new Map<string, number>();
      let norm = 0;
      for (const [w, c] of tf) {
        const weight = c * (Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1);
        v.set(w, weight);
        norm += weight * weight;
      }
      this.vectors.set(id, v);
      this.norms.set(id, Math.sqrt(norm));
    }
  }

  static fromDocs(docs: readonly SimilarityDoc[]): SimilarityIndex {
    return new SimilarityIndex(new Map(docs.map((d) => [d.id, termCounts(d)])));
  }

  similarity(a: number, b: number): number {
    const va = this.vectors.get(a);
    const vb = this.vectors.get(b);
    const na = this.norms.get(a) ?? 0;
    const nb = this.norms.get(b) ?? 0;
    if (!va || !vb || na === 0 || nb === 0) return 0;
    const [small, large] = va.size <= vb.size ? [va, vb] : [vb, va];
    let dot = 0;
    for (const [w, x] of small) {
      const y = large.get(w);
      if (y !== undefined) dot += x * y;
    }
    return dot / (na * nb);
  }

  /** The `k` most similar other documents with a score above `minScore`, best first. */
  mostSimilar(id: number, k: number, minScore = 0.05): { id: number; score: number }[] {
    const out: { id: number; score: number }[] = [];
    for (const other of this.vectors.keys()) {
      if (other === id) continue;
      const score = this.similarity(id, other);
      if (score > minScore) out.push({ id: other, score });
    }
    return out.sort((x, y) => y.score - x.score || x.id - y.id).slice(0, k);
  }
}
