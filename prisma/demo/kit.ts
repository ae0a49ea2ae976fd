/**
 * Small deterministic helpers: PRNG, picking, and the per-article slot filler
 * used by the story templates.
 */
import type { DemoChannelSlug, DemoScene } from "./types";
import { GIVEN_FEMALE, GIVEN_MALE, GIVEN_NAMES, SURNAMES, type Region } from "./regions";

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for demo content. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash, used to derive independent sub-seeds. */
export function hashString(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function pick<T>(rng: Rng, arr: readonly T[]): T {
  const value = arr[Math.floor(rng() * arr.length)];
  if (value === undefined) throw new Error("pick() called with an empty array");
  return value;
}

export function shuffle<T>(rng: Rng, arr: readonly T[]): T[] {
  const out = [...arr];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}

/** Length in Unicode code points (what a reader counts as characters). */
export function charLen(text: string): number {
  return Array.from(text).length;
}

/** A paragraph, a list of paragraphs, or nothing (for optional parts). */
export type Para = string | false | null | undefined | readonly Para[];

export function flattenParas(parts: readonly Para[]): string[] {
  const out: string[] = [];
  const walk = (p: Para): void => {
    if (p === false || p === null || p === undefined) return;
    if (typeof p === "string") {
      const t = p.trim();
      if (t) out.push(t);
      return;
    }
    for (const q of p) walk(q);
  };
  for (const p of parts) walk(p);
  return out;
}

export interface Draft {
  title: string;
  summary: string;
  body: readonly Para[];
  /** Extra tags on top of the template's tags. */
  tags?: readonly string[];
  caption?: string;
  alt?: string;
}

export type StoryKind = "notice" | "news" | "feature";

export interface StoryTemplate {
  id: string;
  kind: StoryKind;
  tags: readonly string[];
  /** Scene for the lead image; omit for stories that never carry a picture. */
  scene?: DemoScene;
  community?: boolean;
  /** Restrict the template to these channels (local specials are always used there). */
  only?: readonly DemoChannelSlug[];
  /** Exclude these channels. */
  not?: readonly DemoChannelSlug[];
  build: (s: Slots) => Draft;
}

/** Slot filler: draws places, people and numbers for one article. */
export class Slots {
  private readonly usedPeople = new Set<string>();
  private readonly usedTowns = new Set<string>();
  private readonly usedVillages = new Set<string>();
  private readonly usedCommunities = new Set<string>();

  constructor(
    readonly rng: Rng,
    readonly r: Region,
  ) {}

  pick<T>(arr: readonly T[]): T {
    return pick(this.rng, arr);
  }

  /** Pick n distinct items (or fewer if the array is shorter). */
  pickN<T>(arr: readonly T[], n: number): T[] {
    return shuffle(this.rng, arr).slice(0, n);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  /** Decimal number as text, e.g. dec(1, 3) → "2.4". */
  dec(min: number, max: number, digits = 1): string {
    const text = (min + this.rng() * (max - min)).toFixed(digits);
    return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }

  /** Include a part with probability p. */
  maybe(p: number, part: Para): Para {
    return this.chance(p) ? part : null;
  }

  private fresh(pool: readonly string[], used: Set<string>): string {
    const free = pool.filter((x) => !used.has(x));
    const v = this.pick(free.length > 0 ? free : pool);
    used.add(v);
    return v;
  }

  town(): string {
    return this.fresh(this.r.towns, this.usedTowns);
  }

  village(): string {
    return this.fresh(this.r.villages, this.usedVillages);
  }

  community(): string {
    return this.fresh(this.r.communities, this.usedCommunities);
  }

  /** A person's name, unique within the article. */
  person(gender?: "f" | "m"): string {
    const surnames = [...SURNAMES, ...this.r.extraSurnames];
    const given = gender === "f" ? GIVEN_FEMALE : gender === "m" ? GIVEN_MALE : GIVEN_NAMES;
    let name = this.pick(surnames) + this.pick(given);
    for (let i = 0; i < 30 && this.usedPeople.has(name); i++) {
      name = this.pick(surnames) + this.pick(given);
    }
    this.usedPeople.add(name);
    return name;
  }

  /** A woman's name (for stories that say 她 / 阿姨 / 阿婆 …). */
  woman(): string {
    return this.person("f");
  }

  /** A man's name (for stories that say 他 / 大爷 …). */
  man(): string {
    return this.person("m");
  }

  /** Day of month, e.g. "18日". */
  day(): string {
    return `${this.int(2, 28)}日`;
  }

  /** Month and day, e.g. "11月18日". */
  md(fromMonth = 1, toMonth = 12): string {
    return `${this.int(fromMonth, toMonth)}月${this.int(1, 28)}日`;
  }

  private whenCache: string | null = null;

  /**
   * When the reported event happened, the way local papers open a story
   * ("近日", "18日上午" …). Memoised so summary and body agree.
   */
  when(): string {
    if (this.whenCache === null) {
      const d = this.day();
      this.whenCache = this.pick(["近日", "日前", "近日", `${d}`, `${d}上午`, `${d}下午`, "日前"]);
    }
    return this.whenCache;
  }

  /** 全县 / 全区 / 全市 */
  get all(): string {
    return `全${this.r.lvl}`;
  }

  /** 县 / 区 / 市, for department names: `${s.lv}教育局`. */
  get lv(): string {
    return this.r.lvl;
  }
}
