/**
 * Deterministic flat illustrations for demo articles.
 *
 * Each scene is drawn as an SVG (no text, so missing fonts do not matter) and
 * rasterised to JPEG with sharp. Colours and shapes vary with the seed.
 */
import sharp from "sharp";
import { hashString, mulberry32, type Rng } from "./kit";
import type { DemoScene } from "./types";

// ───────────────────────── colour helpers ─────────────────────────

interface Hsl {
  h: number;
  s: number;
  l: number;
}

function hex(c: Hsl): string {
  const h = (((c.h % 360) + 360) % 360) / 360;
  const s = Math.min(1, Math.max(0, c.s / 100));
  const l = Math.min(1, Math.max(0, c.l / 100));
  const hue2rgb = (p: number, q: number, t0: number): number => {
    let t = t0;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  let r: number;
  let g: number;
  let b: number;
  if (s === 0) {
    r = g = b = l;
  } else {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    r = hue2rgb(p, q, h + 1 / 3);
    g = hue2rgb(p, q, h);
    b = hue2rgb(p, q, h - 1 / 3);
  }
  const to = (x: number): string =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${to(r)}${to(g)}${to(b)}`;
}

function mix(a: Hsl, b: Hsl, t: number): Hsl {
  return { h: a.h + (b.h - a.h) * t, s: a.s + (b.s - a.s) * t, l: a.l + (b.l - a.l) * t };
}

function shade(c: Hsl, dl: number, ds = 0): Hsl {
  return { h: c.h, s: c.s + ds, l: c.l + dl };
}

const f1 = (n: number): string => (Math.round(n * 10) / 10).toString();

// ───────────────────────── palettes ─────────────────────────

type Mood = "morning" | "noon" | "dusk" | "mist" | "night";

interface Palette {
  mood: Mood;
  skyTop: Hsl;
  skyBottom: Hsl;
  sun: Hsl;
  hillFar: Hsl;
  hillNear: Hsl;
  haze: Hsl;
  water: Hsl;
  ground: Hsl;
}

function palette(rng: Rng, mood: Mood): Palette {
  const j = (n: number): number => n + (rng() - 0.5) * 10; // jitter
  switch (mood) {
    case "morning":
      return {
        mood,
        skyTop: { h: j(205), s: 60, l: 72 },
        skyBottom: { h: j(35), s: 80, l: 88 },
        sun: { h: 40, s: 95, l: 80 },
        hillFar: { h: j(200), s: 25, l: 72 },
        hillNear: { h: j(140), s: 35, l: 32 },
        haze: { h: 30, s: 60, l: 94 },
        water: { h: j(195), s: 45, l: 62 },
        ground: { h: j(95), s: 45, l: 42 },
      };
    case "noon":
      return {
        mood,
        skyTop: { h: j(210), s: 70, l: 58 },
        skyBottom: { h: j(195), s: 60, l: 86 },
        sun: { h: 50, s: 100, l: 92 },
        hillFar: { h: j(190), s: 30, l: 64 },
        hillNear: { h: j(125), s: 45, l: 30 },
        haze: { h: 195, s: 40, l: 92 },
        water: { h: j(185), s: 55, l: 45 },
        ground: { h: j(90), s: 55, l: 40 },
      };
    case "dusk":
      return {
        mood,
        skyTop: { h: j(260), s: 40, l: 38 },
        skyBottom: { h: j(25), s: 90, l: 70 },
        sun: { h: 28, s: 100, l: 68 },
        hillFar: { h: j(285), s: 20, l: 55 },
        hillNear: { h: j(250), s: 25, l: 22 },
        haze: { h: 20, s: 80, l: 80 },
        water: { h: j(260), s: 30, l: 45 },
        ground: { h: j(60), s: 30, l: 28 },
      };
    case "mist":
      return {
        mood,
        skyTop: { h: j(200), s: 18, l: 80 },
        skyBottom: { h: j(190), s: 20, l: 93 },
        sun: { h: 45, s: 40, l: 96 },
        hillFar: { h: j(195), s: 14, l: 74 },
        hillNear: { h: j(160), s: 22, l: 34 },
        haze: { h: 190, s: 20, l: 96 },
        water: { h: j(185), s: 20, l: 70 },
        ground: { h: j(110), s: 30, l: 40 },
      };
    case "night":
      return {
        mood,
        skyTop: { h: j(235), s: 55, l: 14 },
        skyBottom: { h: j(280), s: 40, l: 32 },
        sun: { h: 48, s: 60, l: 90 },
        hillFar: { h: j(240), s: 25, l: 26 },
        hillNear: { h: j(240), s: 30, l: 12 },
        haze: { h: 260, s: 40, l: 40 },
        water: { h: j(235), s: 35, l: 20 },
        ground: { h: j(240), s: 20, l: 14 },
      };
  }
}

// ───────────────────────── drawing context ─────────────────────────

class Canvas {
  readonly defs: string[] = [];
  readonly body: string[] = [];
  private ids = 0;

  constructor(
    readonly w: number,
    readonly h: number,
    readonly rng: Rng,
  ) {}

  r(min: number, max: number): number {
    return min + this.rng() * (max - min);
  }

  id(prefix: string): string {
    this.ids += 1;
    return `${prefix}${this.ids}`;
  }

  add(el: string): void {
    this.body.push(el);
  }

  linear(stops: ReadonlyArray<readonly [number, string, number?]>, vertical = true): string {
    const id = this.id("g");
    const coords = vertical ? 'x1="0" y1="0" x2="0" y2="1"' : 'x1="0" y1="0" x2="1" y2="0"';
    const s = stops
      .map(
        ([o, c, a]) =>
          `<stop offset="${f1(o * 100)}%" stop-color="${c}"${a === undefined ? "" : ` stop-opacity="${a}"`}/>`,
      )
      .join("");
    this.defs.push(`<linearGradient id="${id}" ${coords}>${s}</linearGradient>`);
    return `url(#${id})`;
  }

  radial(stops: ReadonlyArray<readonly [number, string, number?]>): string {
    const id = this.id("r");
    const s = stops
      .map(
        ([o, c, a]) =>
          `<stop offset="${f1(o * 100)}%" stop-color="${c}"${a === undefined ? "" : ` stop-opacity="${a}"`}/>`,
      )
      .join("");
    this.defs.push(`<radialGradient id="${id}" cx="50%" cy="50%" r="50%">${s}</radialGradient>`);
    return `url(#${id})`;
  }

  toSvg(): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.w}" height="${this.h}" viewBox="0 0 ${this.w} ${this.h}"><defs>${this.defs.join("")}</defs>${this.body.join("")}</svg>`;
  }
}

// ───────────────────────── shared elements ─────────────────────────

function sky(c: Canvas, p: Palette): void {
  c.add(
    `<rect width="${c.w}" height="${c.h}" fill="${c.linear([
      [0, hex(p.skyTop)],
      [1, hex(p.skyBottom)],
    ])}"/>`,
  );
  if (p.mood === "night") {
    for (let i = 0; i < 70; i++) {
      c.add(
        `<circle cx="${f1(c.r(0, c.w))}" cy="${f1(c.r(0, c.h * 0.55))}" r="${f1(c.r(0.6, 1.8))}" fill="#fff" opacity="${f1(c.r(0.3, 0.9))}"/>`,
      );
    }
    const mx = c.r(c.w * 0.6, c.w * 0.9);
    const my = c.r(c.h * 0.1, c.h * 0.25);
    c.add(`<circle cx="${f1(mx)}" cy="${f1(my)}" r="${f1(c.h * 0.05)}" fill="${hex(p.sun)}" opacity="0.9"/>`);
    return;
  }
  const sx = c.r(c.w * 0.15, c.w * 0.85);
  const sy = c.r(c.h * 0.12, c.h * (p.mood === "dusk" ? 0.45 : 0.3));
  const sr = c.h * c.r(0.05, 0.08);
  const glow = c.radial([
    [0, hex(p.sun), 0.9],
    [0.35, hex(p.sun), 0.35],
    [1, hex(p.sun), 0],
  ]);
  c.add(`<circle cx="${f1(sx)}" cy="${f1(sy)}" r="${f1(sr * 4)}" fill="${glow}"/>`);
  c.add(`<circle cx="${f1(sx)}" cy="${f1(sy)}" r="${f1(sr)}" fill="${hex(p.sun)}"/>`);
  // a few soft cloud bands
  const clouds = Math.floor(c.r(2, 5));
  for (let i = 0; i < clouds; i++) {
    const cx = c.r(-100, c.w);
    const cy = c.r(c.h * 0.08, c.h * 0.35);
    const cw = c.r(160, 380);
    const ch = c.r(14, 30);
    c.add(
      `<rect x="${f1(cx)}" y="${f1(cy)}" width="${f1(cw)}" height="${f1(ch)}" rx="${f1(ch / 2)}" fill="#fff" opacity="${f1(c.r(0.25, 0.55))}"/>`,
    );
  }
}

/** Karst tower peaks: steep sides, rounded tops, irregular spacing. */
function karstLayer(c: Canvas, base: number, minH: number, maxH: number, fill: string, density = 1): string {
  const parts: string[] = [];
  let x = c.r(-140, -40);
  while (x < c.w + 140) {
    const w = c.r(38, 88) / density;
    const tall = c.rng() < 0.35;
    const h = tall ? c.r((minH + maxH) / 2, maxH) : c.r(minH, (minH + maxH) / 2 + 20);
    const lean = c.r(-0.3, 0.3) * w;
    const top = base - h;
    const cx = x + w + lean;
    const shoulder = c.r(0.55, 0.85);
    parts.push(
      `M${f1(x)},${f1(base)} C${f1(x + w * 0.35)},${f1(base - h * shoulder)} ${f1(cx - w * 0.7)},${f1(top)} ${f1(cx)},${f1(top)} C${f1(cx + w * 0.7)},${f1(top)} ${f1(x + 2 * w - w * 0.35)},${f1(base - h * shoulder)} ${f1(x + 2 * w)},${f1(base)} Z`,
    );
    x += w * c.r(0.7, 2.1);
  }
  // low foothills joining the towers
  parts.push(
    `M0,${f1(base)} ${Array.from({ length: 13 }, (_, i) => `L${f1((i * c.w) / 12)},${f1(base - c.r(8, 30))}`).join(" ")} L${c.w},${f1(base)} V${c.h} H0 Z`,
  );
  return `<path d="${parts.join(" ")}" fill="${fill}"/>`;
}

/** Gentle rolling hills. */
function rollingLayer(c: Canvas, base: number, amp: number, fill: string): string {
  const pts: string[] = [`M0,${c.h}`, `L0,${f1(base)}`];
  const k1 = c.r(1.5, 3.5);
  const k2 = c.r(4, 8);
  const ph1 = c.r(0, 6.28);
  const ph2 = c.r(0, 6.28);
  for (let x = 0; x <= c.w; x += 24) {
    const t = x / c.w;
    const y = base - amp * (0.6 * Math.sin(t * k1 * Math.PI + ph1) + 0.4 * Math.sin(t * k2 * Math.PI + ph2));
    pts.push(`L${x},${f1(y)}`);
  }
  pts.push(`L${c.w},${c.h} Z`);
  return `<path d="${pts.join(" ")}" fill="${fill}"/>`;
}

function mistBand(c: Canvas, p: Palette, y: number, height: number, opacity: number): void {
  const fill = c.linear([
    [0, hex(p.haze), 0],
    [0.5, hex(p.haze), opacity],
    [1, hex(p.haze), 0],
  ]);
  c.add(`<rect x="0" y="${f1(y - height / 2)}" width="${c.w}" height="${f1(height)}" fill="${fill}"/>`);
}

/** Layered karst hills from far to near; returns the SVG of the layers for reuse (reflections). */
function karstRange(c: Canvas, p: Palette, horizon: number, layers: number, tall = 1): string {
  const out: string[] = [];
  for (let i = 0; i < layers; i++) {
    const t = layers === 1 ? 1 : i / (layers - 1);
    const col = mix(p.hillFar, p.hillNear, t * 0.85);
    const fill = c.linear([
      [0, hex(shade(col, 6))],
      [1, hex(shade(col, -4))],
    ]);
    const base = horizon - (layers - 1 - i) * c.h * 0.035;
    const maxH = c.h * (0.42 - i * 0.05) * tall;
    out.push(karstLayer(c, base, maxH * 0.45, maxH, fill, 1 + i * 0.15));
  }
  return out.join("");
}

function birds(c: Canvas, color: string): void {
  const n = Math.floor(c.r(0, 6));
  const bx = c.r(c.w * 0.1, c.w * 0.8);
  const by = c.r(c.h * 0.12, c.h * 0.3);
  for (let i = 0; i < n; i++) {
    const x = bx + c.r(-80, 80);
    const y = by + c.r(-30, 30);
    const s = c.r(6, 11);
    c.add(
      `<path d="M${f1(x - s)},${f1(y - s * 0.3)} Q${f1(x - s / 2)},${f1(y - s * 0.7)} ${f1(x)},${f1(y)} Q${f1(x + s / 2)},${f1(y - s * 0.7)} ${f1(x + s)},${f1(y - s * 0.3)}" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round"/>`,
    );
  }
}

/** Water from y to the bottom with an optional mirrored reflection of `mirror` (SVG of shapes above y). */
function water(c: Canvas, p: Palette, y: number, mirror: string): void {
  const fill = c.linear([
    [0, hex(shade(p.water, 10))],
    [1, hex(shade(p.water, -12))],
  ]);
  const clip = c.id("clip");
  c.defs.push(
    `<clipPath id="${clip}"><rect x="0" y="${f1(y)}" width="${c.w}" height="${f1(c.h - y)}"/></clipPath>`,
  );
  c.add(`<rect x="0" y="${f1(y)}" width="${c.w}" height="${f1(c.h - y)}" fill="${fill}"/>`);
  if (mirror) {
    c.add(
      `<g clip-path="url(#${clip})" opacity="0.28"><g transform="translate(0 ${f1(2 * y)}) scale(1 -1)">${mirror}</g></g>`,
    );
  }
  const lines = Math.floor(c.r(14, 26));
  for (let i = 0; i < lines; i++) {
    const ly = c.r(y + 6, c.h - 4);
    const lw = c.r(20, 120) * (0.5 + (ly - y) / (c.h - y));
    const lx = c.r(0, c.w - lw);
    c.add(
      `<rect x="${f1(lx)}" y="${f1(ly)}" width="${f1(lw)}" height="2" rx="1" fill="#fff" opacity="${f1(c.r(0.15, 0.4))}"/>`,
    );
  }
}

function boat(c: Canvas, x: number, y: number, s: number, color: string): void {
  c.add(
    `<path d="M${f1(x - 40 * s)},${f1(y)} Q${f1(x)},${f1(y + 12 * s)} ${f1(x + 40 * s)},${f1(y)} L${f1(x + 30 * s)},${f1(y + 5 * s)} Q${f1(x)},${f1(y + 14 * s)} ${f1(x - 30 * s)},${f1(y + 5 * s)} Z" fill="${color}"/>`,
  );
  // boatman with a pole
  c.add(
    `<rect x="${f1(x + 8 * s)}" y="${f1(y - 24 * s)}" width="${f1(5 * s)}" height="${f1(22 * s)}" rx="${f1(2 * s)}" fill="${color}"/>`,
  );
  c.add(`<circle cx="${f1(x + 10.5 * s)}" cy="${f1(y - 28 * s)}" r="${f1(4 * s)}" fill="${color}"/>`);
  c.add(
    `<path d="M${f1(x + 4 * s)},${f1(y - 34 * s)} L${f1(x + 18 * s)},${f1(y - 34 * s)} L${f1(x + 10.5 * s)},${f1(y - 40 * s)} Z" fill="${color}"/>`,
  );
  c.add(
    `<line x1="${f1(x + 20 * s)}" y1="${f1(y - 40 * s)}" x2="${f1(x + 34 * s)}" y2="${f1(y + 10 * s)}" stroke="${color}" stroke-width="${f1(1.6 * s)}"/>`,
  );
}

// ───────────────────────── Dong architecture ─────────────────────────

const ROOF = { h: 220, s: 12, l: 22 };
const WOOD = { h: 24, s: 40, l: 30 };
const TRIM = "#efe9dc";

/** One flared eave: a trapezoid whose corners curl up. */
function eave(cx: number, y: number, w: number, h: number, fill: string): string {
  const l = cx - w / 2;
  const r = cx + w / 2;
  const il = cx - w * 0.32;
  const ir = cx + w * 0.32;
  return (
    `<path d="M${f1(il)},${f1(y - h)} L${f1(ir)},${f1(y - h)} Q${f1(r - w * 0.08)},${f1(y - h * 0.2)} ${f1(r)},${f1(y - h * 0.45)} L${f1(r - w * 0.04)},${f1(y)} L${f1(l + w * 0.04)},${f1(y)} L${f1(l)},${f1(y - h * 0.45)} Q${f1(l + w * 0.08)},${f1(y - h * 0.2)} ${f1(il)},${f1(y - h)} Z" fill="${fill}"/>` +
    `<path d="M${f1(l + w * 0.04)},${f1(y)} L${f1(r - w * 0.04)},${f1(y)}" stroke="${TRIM}" stroke-width="${f1(Math.max(1.2, h * 0.16))}"/>`
  );
}

/** A tiered pagoda roof (drum tower top or bridge pavilion). Returns the top y. */
function tieredTower(
  parts: string[],
  cx: number,
  baseY: number,
  baseW: number,
  tiers: number,
  tierH: number,
  roof: string,
  wood: string,
): number {
  let y = baseY;
  for (let i = 0; i < tiers; i++) {
    const w = baseW * (1 - (i / tiers) * 0.72);
    parts.push(
      `<rect x="${f1(cx - w * 0.3)}" y="${f1(y - tierH * 0.55)}" width="${f1(w * 0.6)}" height="${f1(tierH * 0.6)}" fill="${wood}"/>`,
    );
    parts.push(eave(cx, y - tierH * 0.45, w, tierH * 0.6, roof));
    y -= tierH * 0.82;
  }
  // pointed cap and finial
  const capW = baseW * 0.32;
  parts.push(
    `<path d="M${f1(cx - capW / 2)},${f1(y)} Q${f1(cx)},${f1(y - tierH * 0.3)} ${f1(cx)},${f1(y - tierH * 1.4)} Q${f1(cx)},${f1(y - tierH * 0.3)} ${f1(cx + capW / 2)},${f1(y)} Z" fill="${roof}"/>`,
  );
  parts.push(`<circle cx="${f1(cx)}" cy="${f1(y - tierH * 1.45)}" r="${f1(tierH * 0.14)}" fill="${TRIM}"/>`);
  return y - tierH * 1.6;
}

function drumTower(cx: number, baseY: number, height: number, tiers: number, darken = 0): string {
  const parts: string[] = [];
  const baseW = height * 0.42;
  const roof = hex(shade(ROOF, -darken));
  const wood = hex(shade(WOOD, -darken));
  // base hall
  parts.push(
    `<rect x="${f1(cx - baseW * 0.38)}" y="${f1(baseY - height * 0.18)}" width="${f1(baseW * 0.76)}" height="${f1(height * 0.18)}" fill="${wood}"/>`,
  );
  parts.push(
    `<rect x="${f1(cx - baseW * 0.12)}" y="${f1(baseY - height * 0.12)}" width="${f1(baseW * 0.24)}" height="${f1(height * 0.12)}" fill="${hex(shade(WOOD, -14 - darken))}"/>`,
  );
  const tierH = (height * 0.7) / (tiers * 0.82 + 1.6);
  tieredTower(parts, cx, baseY - height * 0.16, baseW, tiers, tierH, roof, wood);
  return parts.join("");
}

function stiltHouse(cx: number, baseY: number, w: number, h: number, tone: number): string {
  const wood = hex(shade(WOOD, tone));
  const dark = hex(shade(WOOD, tone - 12));
  const roof = hex(shade(ROOF, tone / 2));
  const parts: string[] = [];
  const stilt = h * 0.25;
  for (let i = 0; i < 4; i++) {
    const x = cx - w / 2 + (w / 3) * i;
    parts.push(
      `<rect x="${f1(x - 2)}" y="${f1(baseY - stilt)}" width="4" height="${f1(stilt)}" fill="${dark}"/>`,
    );
  }
  parts.push(
    `<rect x="${f1(cx - w / 2)}" y="${f1(baseY - h)}" width="${f1(w)}" height="${f1(h - stilt)}" fill="${wood}"/>`,
  );
  // balcony rail and windows
  parts.push(
    `<rect x="${f1(cx - w / 2 - 4)}" y="${f1(baseY - stilt - 6)}" width="${f1(w + 8)}" height="5" fill="${dark}"/>`,
  );
  const win = Math.max(2, Math.floor(w / 34));
  for (let i = 0; i < win; i++) {
    const x = cx - w / 2 + ((i + 0.5) * w) / win - 7;
    parts.push(
      `<rect x="${f1(x)}" y="${f1(baseY - h * 0.72)}" width="14" height="${f1(h * 0.2)}" fill="#f3d9a0" opacity="0.75"/>`,
    );
  }
  parts.push(eave(cx, baseY - h + 4, w * 1.3, h * 0.42, roof));
  return parts.join("");
}

function windRainBridge(c: Canvas, x0: number, x1: number, deckY: number, waterY: number): string {
  const parts: string[] = [];
  const piers = Math.floor(c.r(3, 5));
  const span = x1 - x0;
  const stone = hex({ h: 35, s: 8, l: c.r(48, 60) });
  const roof = hex(ROOF);
  const wood = hex(WOOD);
  const pierXs: number[] = [];
  for (let i = 0; i < piers; i++) pierXs.push(x0 + (span * (i + 0.5)) / piers);
  // stone piers
  for (const px of pierXs) {
    const pw = span / piers / 4.2;
    parts.push(
      `<path d="M${f1(px - pw / 2)},${f1(deckY + 10)} L${f1(px + pw / 2)},${f1(deckY + 10)} L${f1(px + pw * 0.62)},${f1(waterY + 20)} L${f1(px - pw * 0.62)},${f1(waterY + 20)} Z" fill="${stone}"/>`,
    );
    parts.push(
      `<path d="M${f1(px - pw * 0.62)},${f1(deckY + 10)} L${f1(px)},${f1(deckY - 2)} L${f1(px + pw * 0.62)},${f1(deckY + 10)} Z" fill="${stone}"/>`,
    );
  }
  // deck beams
  parts.push(
    `<rect x="${f1(x0)}" y="${f1(deckY)}" width="${f1(span)}" height="14" fill="${hex(shade(WOOD, -8))}"/>`,
  );
  // corridor body with window band
  const corrH = 34;
  parts.push(
    `<rect x="${f1(x0)}" y="${f1(deckY - corrH)}" width="${f1(span)}" height="${corrH}" fill="${wood}"/>`,
  );
  parts.push(
    `<rect x="${f1(x0)}" y="${f1(deckY - corrH + 8)}" width="${f1(span)}" height="12" fill="#f0d9a8" opacity="0.55"/>`,
  );
  for (let x = x0 + 10; x < x1; x += 22) {
    parts.push(
      `<rect x="${f1(x)}" y="${f1(deckY - corrH + 8)}" width="3" height="12" fill="${hex(shade(WOOD, -10))}"/>`,
    );
  }
  // long corridor roof
  parts.push(
    `<path d="M${f1(x0 - 12)},${f1(deckY - corrH + 2)} L${f1(x1 + 12)},${f1(deckY - corrH + 2)} L${f1(x1 - 6)},${f1(deckY - corrH - 18)} L${f1(x0 + 6)},${f1(deckY - corrH - 18)} Z" fill="${roof}"/>`,
  );
  parts.push(
    `<path d="M${f1(x0 - 12)},${f1(deckY - corrH + 2)} L${f1(x1 + 12)},${f1(deckY - corrH + 2)}" stroke="${TRIM}" stroke-width="3"/>`,
  );
  // pavilions over the piers, the middle one tallest
  pierXs.forEach((px, i) => {
    const mid = Math.abs(i - (piers - 1) / 2) < 0.6;
    const tiers = mid ? Math.floor(c.r(4, 6)) : Math.floor(c.r(2, 4));
    const baseW = span / piers / (mid ? 1.5 : 1.8);
    tieredTower(parts, px, deckY - corrH - 10, baseW, tiers, mid ? 30 : 26, roof, wood);
  });
  return parts.join("");
}

// ───────────────────────── scenes ─────────────────────────

function pickMood(rng: Rng, allowed: readonly Mood[]): Mood {
  const m = allowed[Math.floor(rng() * allowed.length)];
  return m ?? "noon";
}

function sceneKarst(c: Canvas): void {
  const p = palette(c.rng, pickMood(c.rng, ["morning", "noon", "dusk", "mist", "mist"]));
  sky(c, p);
  birds(c, hex(shade(p.hillNear, -5)));
  const horizon = c.h * c.r(0.66, 0.76);
  const layers = Math.floor(c.r(3, 5));
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const col = mix(p.hillFar, p.hillNear, t * 0.9);
    const fill = c.linear([
      [0, hex(shade(col, 7))],
      [1, hex(shade(col, -5))],
    ]);
    const base = horizon - (layers - 1 - i) * c.h * 0.045;
    c.add(karstLayer(c, base, c.h * (0.18 - i * 0.02), c.h * (0.46 - i * 0.06), fill, 1 + i * 0.2));
    mistBand(c, p, base - c.h * 0.02, c.h * 0.12, p.mood === "mist" ? 0.85 : 0.55);
  }
  // valley floor: fields or a river
  if (c.rng() < 0.5) {
    water(c, p, horizon + 4, "");
    if (c.rng() < 0.7)
      boat(c, c.r(c.w * 0.2, c.w * 0.8), horizon + c.r(40, 110), c.r(0.8, 1.3), hex(shade(p.hillNear, -15)));
  } else {
    const g = c.linear([
      [0, hex(shade(p.ground, 10))],
      [1, hex(shade(p.ground, -8))],
    ]);
    c.add(`<rect x="0" y="${f1(horizon)}" width="${c.w}" height="${f1(c.h - horizon)}" fill="${g}"/>`);
    for (let i = 0; i < 6; i++) {
      const y = horizon + ((c.h - horizon) * (i + 1)) / 7;
      c.add(
        `<path d="M0,${f1(y)} Q${f1(c.w / 2)},${f1(y - c.r(-20, 20))} ${c.w},${f1(y + c.r(-10, 10))}" stroke="${hex(shade(p.ground, 14))}" stroke-width="3" fill="none" opacity="0.6"/>`,
      );
    }
  }
}

function sceneRiver(c: Canvas): void {
  const p = palette(c.rng, pickMood(c.rng, ["morning", "noon", "dusk", "mist"]));
  sky(c, p);
  const horizon = c.h * c.r(0.5, 0.6);
  const hills =
    c.rng() < 0.7
      ? karstRange(c, p, horizon, 3, 0.8)
      : rollingLayer(c, horizon - 70, 70, hex(p.hillFar)) +
        rollingLayer(c, horizon - 25, 50, hex(mix(p.hillFar, p.hillNear, 0.5))) +
        rollingLayer(c, horizon, 30, hex(p.hillNear));
  c.add(hills);
  mistBand(c, p, horizon - 10, c.h * 0.08, 0.6);
  birds(c, hex(shade(p.hillNear, -5)));
  water(c, p, horizon, hills);
  // near bank with reeds or bamboo
  const bank = hex(shade(p.hillNear, -6));
  const side = c.rng() < 0.5 ? 0 : 1;
  const bx = side === 0 ? 0 : c.w;
  const dir = side === 0 ? 1 : -1;
  c.add(
    `<path d="M${bx},${c.h} L${bx},${f1(c.h * 0.78)} Q${f1(bx + dir * c.w * 0.18)},${f1(c.h * 0.8)} ${f1(bx + dir * c.w * 0.32)},${c.h} Z" fill="${bank}"/>`,
  );
  for (let i = 0; i < 9; i++) {
    const x = bx + dir * c.r(10, c.w * 0.2);
    const hgt = c.r(60, 170);
    c.add(
      `<path d="M${f1(x)},${c.h} Q${f1(x + dir * 10)},${f1(c.h - hgt * 0.6)} ${f1(x + dir * c.r(10, 40))},${f1(c.h - hgt)}" stroke="${bank}" stroke-width="${f1(c.r(2, 4))}" fill="none"/>`,
    );
  }
  boat(c, c.r(c.w * 0.35, c.w * 0.7), horizon + c.r(50, 120), c.r(1, 1.5), hex(shade(p.hillNear, -15)));
}

function sceneBridge(c: Canvas): void {
  const p = palette(c.rng, pickMood(c.rng, ["morning", "noon", "dusk", "mist"]));
  sky(c, p);
  const horizon = c.h * c.r(0.58, 0.66);
  const hills =
    karstRange(c, p, horizon - 20, 2, 0.7) + rollingLayer(c, horizon, 18, hex(shade(p.hillNear, 6)));
  c.add(hills);
  mistBand(c, p, horizon - 30, c.h * 0.1, 0.5);
  const x0 = c.r(-40, c.w * 0.12);
  const x1 = c.r(c.w * 0.82, c.w + 40);
  const deckY = horizon - c.r(0, 20);
  const bridge = windRainBridge(c, x0, x1, deckY, horizon);
  water(c, p, horizon + 6, hills + bridge);
  c.add(bridge);
  // stilt houses on the far bank
  const n = Math.floor(c.r(0, 4));
  for (let i = 0; i < n; i++) {
    c.add(stiltHouse(c.r(40, c.w - 40), horizon - c.r(14, 30), c.r(70, 110), c.r(50, 70), -6));
  }
}

function sceneVillage(c: Canvas): void {
  const p = palette(c.rng, pickMood(c.rng, ["morning", "noon", "dusk", "mist"]));
  sky(c, p);
  const horizon = c.h * c.r(0.55, 0.62);
  c.add(karstRange(c, p, horizon, 3, 0.8));
  mistBand(c, p, horizon - 12, c.h * 0.1, 0.6);
  // hillside ground
  const g = c.linear([
    [0, hex(shade(p.ground, 6))],
    [1, hex(shade(p.ground, -10))],
  ]);
  c.add(rollingLayer(c, horizon + 30, 20, g));
  // drum tower in the middle distance, houses around it
  const tx = c.r(c.w * 0.3, c.w * 0.7);
  const houses: Array<{ x: number; y: number; w: number; h: number }> = [];
  const count = Math.floor(c.r(6, 11));
  for (let i = 0; i < count; i++) {
    houses.push({ x: c.r(20, c.w - 20), y: horizon + c.r(60, c.h * 0.4), w: c.r(90, 160), h: c.r(60, 95) });
  }
  houses.sort((a, b) => a.y - b.y);
  const towerBase = horizon + c.r(70, 110);
  let towerDrawn = false;
  for (const hs of houses) {
    if (!towerDrawn && hs.y > towerBase) {
      c.add(drumTower(tx, towerBase, c.h * c.r(0.42, 0.55), Math.floor(c.r(7, 12))));
      towerDrawn = true;
    }
    if (Math.abs(hs.x - tx) < 70 && hs.y < towerBase + 40) continue;
    c.add(stiltHouse(hs.x, hs.y, hs.w, hs.h, c.r(-6, 8)));
  }
  if (!towerDrawn) c.add(drumTower(tx, towerBase, c.h * c.r(0.42, 0.55), Math.floor(c.r(7, 12))));
  // foreground trees
  const trees = Math.floor(c.r(2, 5));
  for (let i = 0; i < trees; i++) {
    const x = c.rng() < 0.5 ? c.r(0, c.w * 0.15) : c.r(c.w * 0.85, c.w);
    const y = c.h - c.r(0, 30);
    const r = c.r(50, 90);
    const col = hex(shade(p.hillNear, c.r(-4, 6)));
    c.add(
      `<rect x="${f1(x - 5)}" y="${f1(y - r * 1.6)}" width="10" height="${f1(r * 1.6)}" fill="${hex(shade(WOOD, -6))}"/>`,
    );
    c.add(`<circle cx="${f1(x)}" cy="${f1(y - r * 1.8)}" r="${f1(r)}" fill="${col}"/>`);
    c.add(`<circle cx="${f1(x - r * 0.6)}" cy="${f1(y - r * 1.4)}" r="${f1(r * 0.7)}" fill="${col}"/>`);
    c.add(`<circle cx="${f1(x + r * 0.6)}" cy="${f1(y - r * 1.45)}" r="${f1(r * 0.7)}" fill="${col}"/>`);
  }
}

function sceneField(c: Canvas): void {
  const p = palette(c.rng, pickMood(c.rng, ["morning", "noon", "noon", "dusk", "mist"]));
  sky(c, p);
  const horizon = c.h * c.r(0.34, 0.44);
  c.add(karstRange(c, p, horizon, 2, 0.55));
  mistBand(c, p, horizon, c.h * 0.08, 0.6);
  // terraces: contour bands wrapping a hill face
  const season = Math.floor(c.rng() * 3); // 0 green, 1 golden, 2 flooded
  const bands = Math.floor(c.r(14, 22));
  const hx = c.r(c.w * 0.3, c.w * 0.7);
  const spread = c.r(0.7, 1.1) * c.w;
  for (let i = 0; i < bands; i++) {
    const t = i / bands;
    const y0 = horizon + 4 + (c.h - horizon) * Math.pow(t, 1.25);
    const bulge = 10 + t * c.r(60, 110);
    const wob = c.r(0, 6.28);
    const pts: string[] = [];
    for (let x = -20; x <= c.w + 20; x += 30) {
      const u = (x - hx) / spread;
      const y = y0 - bulge * (1 - u * u * 2.2) + 6 * Math.sin(x / 70 + wob);
      pts.push(`${x},${f1(y)}`);
    }
    const line = `M${pts.join(" L")}`;
    let col: Hsl;
    if (season === 0) col = { h: 92 + c.r(-8, 14), s: 50, l: 40 + c.r(-5, 9) };
    else if (season === 1) col = { h: 44 + c.r(-6, 8), s: 72, l: 52 + c.r(-7, 7) };
    else col = shade(p.skyBottom, -8 + c.r(-6, 4), -10);
    c.add(`<path d="${line} L${c.w + 20},${c.h} L-20,${c.h} Z" fill="${hex(col)}"/>`);
    const bank = season === 1 ? { h: 38, s: 45, l: 34 } : { h: 105, s: 40, l: 26 };
    c.add(`<path d="${line}" fill="none" stroke="${hex(bank)}" stroke-width="${f1(2 + t * 4)}"/>`);
    c.add(
      `<path d="${line}" fill="none" stroke="#ffffff" stroke-width="1.2" opacity="0.25" transform="translate(0 ${f1(3 + t * 3)})"/>`,
    );
  }
  // a farmer with a conical hat
  if (c.rng() < 0.8) {
    const x = c.r(c.w * 0.2, c.w * 0.8);
    const y = c.h * c.r(0.72, 0.86);
    const col = hex({ h: 220, s: 20, l: 20 });
    c.add(`<rect x="${f1(x - 7)}" y="${f1(y - 34)}" width="14" height="34" rx="5" fill="${col}"/>`);
    c.add(`<circle cx="${f1(x)}" cy="${f1(y - 40)}" r="6" fill="${col}"/>`);
    c.add(
      `<path d="M${f1(x - 20)},${f1(y - 42)} L${f1(x + 20)},${f1(y - 42)} L${f1(x)},${f1(y - 56)} Z" fill="#e9d9a6"/>`,
    );
  }
}

function sceneCity(c: Canvas): void {
  const p = palette(c.rng, pickMood(c.rng, ["morning", "noon", "dusk", "night"]));
  sky(c, p);
  const horizon = c.h * c.r(0.6, 0.68);
  const far = karstRange(c, p, horizon - 60, 2, 0.6);
  c.add(far);
  // window pattern
  const win = c.id("win");
  const lit = p.mood === "night" || p.mood === "dusk" ? "#ffd98a" : "#dfeaf2";
  c.defs.push(
    `<pattern id="${win}" width="14" height="18" patternUnits="userSpaceOnUse"><rect x="3" y="4" width="7" height="9" fill="${lit}" opacity="${p.mood === "night" ? 0.85 : 0.55}"/></pattern>`,
  );
  const parts: string[] = [];
  let x = c.r(-30, 0);
  while (x < c.w) {
    const bw = c.r(40, 100);
    const bh = c.r(c.h * 0.12, c.h * 0.42);
    const col = hex({
      h: 212 + c.r(-25, 25),
      s: 12 + c.r(0, 16),
      l: (p.mood === "night" ? 20 : p.mood === "dusk" ? 34 : 52) + c.r(-10, 12),
    });
    parts.push(
      `<rect x="${f1(x)}" y="${f1(horizon - bh)}" width="${f1(bw)}" height="${f1(bh)}" fill="${col}"/>`,
    );
    parts.push(
      `<rect x="${f1(x + 4)}" y="${f1(horizon - bh + 8)}" width="${f1(bw - 8)}" height="${f1(bh - 12)}" fill="url(#${win})"/>`,
    );
    if (c.rng() < 0.2)
      parts.push(
        `<rect x="${f1(x + bw / 2 - 2)}" y="${f1(horizon - bh - 30)}" width="4" height="30" fill="${col}"/>`,
      );
    x += bw + c.r(-10, 6);
  }
  const skyline = parts.join("");
  c.add(skyline);
  // arch bridge across the river
  const deck = horizon + 14;
  const bridgeCol = p.mood === "night" ? "#c9d6ff" : "#f4f1ea";
  const archX0 = c.r(c.w * 0.1, c.w * 0.35);
  const archX1 = archX0 + c.r(c.w * 0.35, c.w * 0.55);
  const bridge =
    `<rect x="0" y="${f1(deck)}" width="${c.w}" height="8" fill="${bridgeCol}"/>` +
    `<path d="M${f1(archX0)},${f1(deck)} Q${f1((archX0 + archX1) / 2)},${f1(deck - c.h * 0.22)} ${f1(archX1)},${f1(deck)}" fill="none" stroke="${bridgeCol}" stroke-width="7"/>` +
    Array.from({ length: 11 }, (_, i) => {
      const t = (i + 1) / 12;
      const bx = archX0 + (archX1 - archX0) * t;
      const by = deck - c.h * 0.22 * 2 * t * (1 - t);
      return `<line x1="${f1(bx)}" y1="${f1(by)}" x2="${f1(bx)}" y2="${f1(deck)}" stroke="${bridgeCol}" stroke-width="2"/>`;
    }).join("");
  water(c, p, deck + 8, far + skyline + bridge);
  c.add(bridge);
  // pink bauhinia trees on the near bank
  if (c.rng() < 0.7) {
    const bank = hex(shade(p.ground, -10));
    c.add(`<rect x="0" y="${f1(c.h - 40)}" width="${c.w}" height="40" fill="${bank}"/>`);
    const trees = Math.floor(c.r(2, 5));
    for (let i = 0; i < trees; i++) {
      const tx = c.r(0, c.w);
      c.add(
        `<rect x="${f1(tx - 5)}" y="${f1(c.h - 120)}" width="10" height="90" fill="${hex(shade(WOOD, -8))}"/>`,
      );
      for (let j = 0; j < 7; j++) {
        const pink = hex({ h: 325 + c.r(-10, 10), s: 60, l: 70 + c.r(-8, 8) });
        c.add(
          `<circle cx="${f1(tx + c.r(-60, 60))}" cy="${f1(c.h - 130 + c.r(-45, 25))}" r="${f1(c.r(22, 40))}" fill="${pink}" opacity="0.95"/>`,
        );
      }
    }
  }
}

function lantern(x: number, y: number, s: number, glowFill: string): string {
  return (
    `<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(s * 2.2)}" fill="${glowFill}"/>` +
    `<line x1="${f1(x)}" y1="${f1(y - s * 1.4)}" x2="${f1(x)}" y2="${f1(y - s)}" stroke="#3a2a1a" stroke-width="2"/>` +
    `<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="${f1(s)}" ry="${f1(s * 0.82)}" fill="#d7261e"/>` +
    `<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="${f1(s * 0.45)}" ry="${f1(s * 0.8)}" fill="none" stroke="#f06b3a" stroke-width="1.5"/>` +
    `<rect x="${f1(x - s * 0.45)}" y="${f1(y - s * 0.95)}" width="${f1(s * 0.9)}" height="${f1(s * 0.22)}" fill="#e8b64a"/>` +
    `<rect x="${f1(x - s * 0.45)}" y="${f1(y + s * 0.73)}" width="${f1(s * 0.9)}" height="${f1(s * 0.22)}" fill="#e8b64a"/>` +
    `<line x1="${f1(x)}" y1="${f1(y + s * 0.95)}" x2="${f1(x)}" y2="${f1(y + s * 1.7)}" stroke="#e8b64a" stroke-width="3"/>`
  );
}

function sceneFestival(c: Canvas): void {
  const p = palette(c.rng, pickMood(c.rng, ["dusk", "night", "night"]));
  sky(c, p);
  // fireworks
  const bursts = Math.floor(c.r(1, 4));
  for (let i = 0; i < bursts; i++) {
    const fx = c.r(c.w * 0.1, c.w * 0.9);
    const fy = c.r(c.h * 0.1, c.h * 0.35);
    const col = hex({ h: c.r(0, 360), s: 90, l: 70 });
    const rays = 18;
    const len = c.r(40, 80);
    for (let k = 0; k < rays; k++) {
      const a = (k / rays) * Math.PI * 2;
      c.add(
        `<line x1="${f1(fx + Math.cos(a) * len * 0.3)}" y1="${f1(fy + Math.sin(a) * len * 0.3)}" x2="${f1(fx + Math.cos(a) * len)}" y2="${f1(fy + Math.sin(a) * len)}" stroke="${col}" stroke-width="2.5" stroke-linecap="round" opacity="0.85"/>`,
      );
    }
  }
  const horizon = c.h * c.r(0.62, 0.7);
  c.add(karstRange(c, p, horizon, 2, 0.65));
  // drum tower and houses in silhouette
  const tx = c.r(c.w * 0.25, c.w * 0.75);
  c.add(drumTower(tx, horizon + 20, c.h * c.r(0.45, 0.6), Math.floor(c.r(8, 12)), 10));
  for (let i = 0; i < 5; i++) {
    const hx = c.r(0, c.w);
    if (Math.abs(hx - tx) < 90) continue;
    c.add(stiltHouse(hx, horizon + c.r(10, 40), c.r(90, 150), c.r(60, 85), -14));
  }
  // square in front, warm light
  const ground = c.linear([
    [0, hex(shade(p.ground, 6))],
    [1, hex(shade(p.ground, -4))],
  ]);
  c.add(
    `<rect x="0" y="${f1(horizon + 20)}" width="${c.w}" height="${f1(c.h - horizon - 20)}" fill="${ground}"/>`,
  );
  const glow = c.radial([
    [0, "#ffb45a", 0.55],
    [1, "#ffb45a", 0],
  ]);
  c.add(
    `<ellipse cx="${f1(tx)}" cy="${f1(horizon + 80)}" rx="${f1(c.w * 0.45)}" ry="${f1(c.h * 0.18)}" fill="${glow}"/>`,
  );
  // crowd silhouettes
  const crowd = hex(shade(p.hillNear, -4));
  for (let i = 0; i < 32; i++) {
    const x = c.r(0, c.w);
    const y = c.h - c.r(0, 40);
    const hgt = c.r(50, 80);
    c.add(
      `<rect x="${f1(x - 9)}" y="${f1(y - hgt)}" width="18" height="${f1(hgt)}" rx="8" fill="${crowd}"/>`,
    );
    c.add(`<circle cx="${f1(x)}" cy="${f1(y - hgt - 8)}" r="9" fill="${crowd}"/>`);
  }
  // lantern strings
  const lanternGlow = c.radial([
    [0, "#ff7a3c", 0.45],
    [1, "#ff7a3c", 0],
  ]);
  const strings = Math.floor(c.r(2, 4));
  for (let s = 0; s < strings; s++) {
    const y0 = c.r(c.h * 0.05, c.h * 0.3);
    const sag = c.r(40, 110);
    const y1 = y0 + c.r(-30, 30);
    c.add(
      `<path d="M0,${f1(y0)} Q${f1(c.w / 2)},${f1((y0 + y1) / 2 + sag * 2)} ${c.w},${f1(y1)}" stroke="#2b1d12" stroke-width="2" fill="none"/>`,
    );
    const n = Math.floor(c.r(6, 11));
    const size = c.r(14, 24) * (1 + s * 0.2);
    for (let i = 0; i < n; i++) {
      const t = (i + 0.5) / n;
      const x = t * c.w;
      const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * ((y0 + y1) / 2 + sag * 2) + t * t * y1;
      c.add(lantern(x, y + size * 1.4, size, lanternGlow));
    }
  }
  // bokeh
  for (let i = 0; i < 24; i++) {
    c.add(
      `<circle cx="${f1(c.r(0, c.w))}" cy="${f1(c.r(c.h * 0.4, c.h))}" r="${f1(c.r(6, 22))}" fill="#ffd27a" opacity="${f1(c.r(0.08, 0.25))}"/>`,
    );
  }
}

function sceneFood(c: Canvas): void {
  const rng = c.rng;
  // wooden table
  const woodH = 20 + rng() * 18;
  const woodL = 32 + rng() * 22;
  const plank = c.h / Math.floor(c.r(4, 7));
  for (let y = 0; y < c.h; y += plank) {
    const col = hex({ h: woodH + c.r(-3, 3), s: 40, l: woodL + c.r(-4, 4) });
    c.add(`<rect x="0" y="${f1(y)}" width="${c.w}" height="${f1(plank + 1)}" fill="${col}"/>`);
    c.add(`<rect x="0" y="${f1(y)}" width="${c.w}" height="3" fill="#000" opacity="0.18"/>`);
    for (let g = 0; g < 4; g++) {
      const gy = y + c.r(10, plank - 10);
      c.add(
        `<path d="M0,${f1(gy)} Q${f1(c.w * 0.5)},${f1(gy + c.r(-12, 12))} ${c.w},${f1(gy + c.r(-6, 6))}" stroke="#000" stroke-width="1.5" fill="none" opacity="0.07"/>`,
      );
    }
  }
  const cx = c.w * c.r(0.42, 0.58);
  const cy = c.h * c.r(0.46, 0.56);
  const R = c.h * c.r(0.36, 0.42);
  // shadow, rim, broth
  c.add(`<circle cx="${f1(cx + 14)}" cy="${f1(cy + 18)}" r="${f1(R)}" fill="#000" opacity="0.28"/>`);
  const rimHue = rng() < 0.4 ? 200 : 45;
  const rim = c.radial([
    [0.8, hex({ h: rimHue, s: 20, l: 92 })],
    [1, hex({ h: rimHue, s: 18, l: 80 })],
  ]);
  c.add(`<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(R)}" fill="${rim}"/>`);
  if (rng() < 0.6) {
    c.add(
      `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(R * 0.93)}" fill="none" stroke="#2f5fa8" stroke-width="4" stroke-dasharray="14 10" opacity="0.8"/>`,
    );
  }
  const inner = R * 0.84;
  const brothHue = c.r(8, 22);
  const broth = c.radial([
    [0, hex({ h: brothHue + 10, s: 85, l: 52 })],
    [0.85, hex({ h: brothHue, s: 80, l: 42 })],
    [1, hex({ h: brothHue, s: 70, l: 34 })],
  ]);
  c.add(`<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(inner)}" fill="${broth}"/>`);
  const clip = c.id("bowl");
  c.defs.push(`<clipPath id="${clip}"><circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(inner)}"/></clipPath>`);
  const parts: string[] = [];
  // noodles
  for (let i = 0; i < 38; i++) {
    const a = c.r(0, Math.PI * 2);
    const r0 = c.r(0, inner * 0.9);
    const x0 = cx + Math.cos(a) * r0;
    const y0 = cy + Math.sin(a) * r0;
    const len = c.r(inner * 0.5, inner * 1.1);
    const b = a + c.r(-1.2, 1.2);
    const x1 = x0 + Math.cos(b) * len;
    const y1 = y0 + Math.sin(b) * len;
    parts.push(
      `<path d="M${f1(x0)},${f1(y0)} Q${f1((x0 + x1) / 2 + c.r(-40, 40))},${f1((y0 + y1) / 2 + c.r(-40, 40))} ${f1(x1)},${f1(y1)}" stroke="#f4ead2" stroke-width="${f1(c.r(5, 8))}" fill="none" stroke-linecap="round" opacity="0.95"/>`,
    );
  }
  // chilli oil
  for (let i = 0; i < 18; i++) {
    parts.push(
      `<circle cx="${f1(cx + c.r(-inner, inner))}" cy="${f1(cy + c.r(-inner, inner))}" r="${f1(c.r(4, 14))}" fill="#e0401f" opacity="${f1(c.r(0.3, 0.6))}"/>`,
    );
  }
  // toppings: tofu skin, bamboo shoots, peanuts, greens
  const spot = (): [number, number] => {
    const a = c.r(0, Math.PI * 2);
    const rr = Math.sqrt(rng()) * inner * 0.85;
    return [cx + Math.cos(a) * rr, cy + Math.sin(a) * rr];
  };
  for (let i = 0; i < 7; i++) {
    const [x, y] = spot();
    const s = c.r(18, 30);
    parts.push(
      `<path d="M${f1(x - s)},${f1(y)} L${f1(x - s * 0.3)},${f1(y - s * 0.7)} L${f1(x + s)},${f1(y - s * 0.4)} L${f1(x + s * 0.6)},${f1(y + s * 0.5)} L${f1(x - s * 0.4)},${f1(y + s * 0.6)} Z" fill="#d9962e" stroke="#b8731c" stroke-width="2"/>`,
    );
  }
  for (let i = 0; i < 14; i++) {
    const [x, y] = spot();
    const rot = c.r(0, 180);
    parts.push(
      `<rect x="${f1(x - 16)}" y="${f1(y - 4)}" width="32" height="8" rx="4" fill="#efe08a" transform="rotate(${f1(rot)} ${f1(x)} ${f1(y)})"/>`,
    );
  }
  for (let i = 0; i < 22; i++) {
    const [x, y] = spot();
    const rot = c.r(0, 180);
    parts.push(
      `<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="8" ry="5.5" fill="#a0582c" stroke="#c98a5a" stroke-width="1.2" transform="rotate(${f1(rot)} ${f1(x)} ${f1(y)})"/>`,
    );
  }
  for (let i = 0; i < 9; i++) {
    const [x, y] = spot();
    const rot = c.r(0, 180);
    parts.push(
      `<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="${f1(c.r(16, 26))}" ry="${f1(c.r(7, 11))}" fill="${hex({ h: 110 + c.r(-10, 15), s: 60, l: 38 + c.r(-5, 10) })}" transform="rotate(${f1(rot)} ${f1(x)} ${f1(y)})"/>`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const [x, y] = spot();
    parts.push(`<circle cx="${f1(x)}" cy="${f1(y)}" r="5" fill="none" stroke="#7cc35a" stroke-width="2.5"/>`);
  }
  c.add(`<g clip-path="url(#${clip})">${parts.join("")}</g>`);
  // steam
  for (let i = 0; i < 3; i++) {
    const sx = cx + c.r(-R * 0.5, R * 0.5);
    c.add(
      `<path d="M${f1(sx)},${f1(cy - R * 0.2)} q-20,-40 0,-80 t0,-80" stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round" opacity="0.18"/>`,
    );
  }
  // chopsticks
  const side = rng() < 0.5 ? -1 : 1;
  const chX = cx + side * (R + c.r(40, 90));
  for (let i = 0; i < 2; i++) {
    const x = chX + i * 16;
    const rot = side * c.r(4, 12);
    c.add(
      `<rect x="${f1(x - 5)}" y="${f1(c.h * 0.08)}" width="10" height="${f1(c.h * 0.84)}" rx="5" fill="#6b3f1f" transform="rotate(${f1(rot)} ${f1(x)} ${f1(c.h / 2)})"/>`,
    );
  }
  // side dish: kumquats or tea
  const dx = cx - side * (R + c.r(110, 150));
  const dy = c.h * c.r(0.25, 0.75);
  if (dx > 60 && dx < c.w - 60) {
    c.add(`<circle cx="${f1(dx + 8)}" cy="${f1(dy + 10)}" r="85" fill="#000" opacity="0.22"/>`);
    c.add(`<circle cx="${f1(dx)}" cy="${f1(dy)}" r="85" fill="#f6f2e8"/>`);
    if (rng() < 0.5) {
      for (let i = 0; i < 8; i++) {
        const a = c.r(0, Math.PI * 2);
        const rr = c.r(0, 48);
        const kx = dx + Math.cos(a) * rr;
        const ky = dy + Math.sin(a) * rr;
        c.add(
          `<circle cx="${f1(kx)}" cy="${f1(ky)}" r="17" fill="#f29b1d"/><circle cx="${f1(kx - 5)}" cy="${f1(ky - 6)}" r="5" fill="#ffd37a" opacity="0.8"/>`,
        );
      }
    } else {
      c.add(
        `<circle cx="${f1(dx)}" cy="${f1(dy)}" r="55" fill="${hex({ h: 70 + c.r(-10, 10), s: 55, l: 55 })}"/>`,
      );
      c.add(`<ellipse cx="${f1(dx - 15)}" cy="${f1(dy - 18)}" rx="18" ry="8" fill="#fff" opacity="0.35"/>`);
    }
  }
}

const SCENES: Record<DemoScene, (c: Canvas) => void> = {
  karst: sceneKarst,
  river: sceneRiver,
  bridge: sceneBridge,
  village: sceneVillage,
  field: sceneField,
  city: sceneCity,
  festival: sceneFestival,
  food: sceneFood,
};

/** Build the SVG source for a scene (exported for debugging and tests). */
export function demoImageSvg(scene: DemoScene, seed: number, width = 1200, height = 675): string {
  const rng = mulberry32((seed ^ hashString(scene)) >>> 0);
  // Draw on a 1200×675 design grid and scale, so shapes look the same at any size.
  const c = new Canvas(1200, 675, rng);
  SCENES[scene](c);
  const inner = c.toSvg();
  if (width === 1200 && height === 675) return inner;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1200 675" preserveAspectRatio="xMidYMid slice">${inner.replace(/^<svg[^>]*>/, "").replace(/<\/svg>$/, "")}</svg>`;
}

/** Render a demo illustration as a JPEG buffer. */
export async function renderDemoImage(
  scene: DemoScene,
  seed: number,
  width = 1200,
  height = 675,
): Promise<Buffer> {
  const svg = demoImageSvg(scene, seed, width, height);
  // The SVG already has the requested pixel size, so no resize step is needed.
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
