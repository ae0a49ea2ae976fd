// Synthetic stories for the benchmark database (scripts/bench/run.mjs): plausible Chinese
// county news, deterministic for a given index. Pure functions (unit-tested in bench.test.mjs).

const PLACES = [
  "拉堡镇",
  "进德镇",
  "百朋镇",
  "成团镇",
  "三都镇",
  "里高镇",
  "穿山镇",
  "土博镇",
  "流山镇",
  "洛满镇",
  "新兴农场",
  "基隆开发区",
];
const SUBJECTS = [
  "双季稻",
  "荷藕种植",
  "螺蛳粉原料基地",
  "乡村道路",
  "农村饮水工程",
  "养老服务站",
  "电商服务点",
  "红心香柚",
  "林下经济",
  "农田水利",
  "村级光伏",
  "农机合作社",
];
const EVENTS = [
  "迎来丰收",
  "完成提质改造",
  "正式投入使用",
  "带动群众增收",
  "开展专项检查",
  "举办技能培训",
  "获评示范项目",
  "推进项目建设",
  "启动秋冬种工作",
  "开展便民服务活动",
];
const PEOPLE = ["韦建华", "覃秀梅", "莫志强", "蓝春燕", "黄永明", "潘丽娟", "廖国庆", "吴海燕"];
const ROLES = ["村党支部书记", "合作社负责人", "镇农业技术员", "种植户", "驻村第一书记", "返乡创业青年"];
const SENTENCES = [
  "{place}把{subject}作为今年的重点工作，镇村干部分片包干，逐户了解群众需求。",
  "据了解，项目总投资约{n}万元，覆盖{m}个行政村，惠及群众{k}余户。",
  "{role}{person}介绍，今年以来共组织{m}场现场培训，帮助农户解决技术难题。",
  "走进{place}，田间地头一派繁忙景象，村民们正抢抓农时忙生产。",
  "“以前靠天吃饭，现在有了{subject}，日子越过越有奔头。”村民{person}笑着说。",
  "下一步，{place}将继续完善配套设施，推动{subject}规模化、标准化发展。",
  "{county}相关部门表示，将加强跟踪服务，确保项目早见效、群众早受益。",
  "截至目前，{place}已累计完成投资{n}万元，带动{k}余名群众就近就业。",
  "活动现场，工作人员向群众发放宣传资料{k}余份，解答群众咨询{m}人次。",
  "该项目的实施，进一步夯实了乡村振兴的产业基础，为群众增收提供了有力支撑。",
];

/** A small deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Where a story happens: the county (or city) and its towns. Default: 柳江区. */
export const LIUJIANG = { county: "柳江区", places: PLACES };

/**
 * Story number `i`: title, summary, Markdown body with its HTML and plain text, source, byline.
 * @param {number} i
 * @param {{ county: string, places: readonly string[] }} [where]
 * @returns {{ title: string, summary: string, body: string, bodyHtml: string, bodyText: string, source: string, byline: string, place: string, subject: string }}
 */
export function syntheticStory(i, where = LIUJIANG) {
  const rand = prng(0x5eed + i * 7919);
  const place = pick(rand, where.places);
  const subject = pick(rand, SUBJECTS);
  const fill = (s) =>
    s
      .replaceAll("{county}", where.county)
      .replaceAll("{place}", place)
      .replaceAll("{subject}", subject)
      .replaceAll("{person}", pick(rand, PEOPLE))
      .replaceAll("{role}", pick(rand, ROLES))
      .replaceAll("{n}", String(50 + Math.floor(rand() * 2000)))
      .replaceAll("{m}", String(3 + Math.floor(rand() * 30)))
      .replaceAll("{k}", String(100 + Math.floor(rand() * 5000)));
  const title = `${where.county}${place}${subject}${pick(rand, EVENTS)}`;
  const paragraphs = [];
  const count = 3 + Math.floor(rand() * 3);
  for (let p = 0; p < count; p++) {
    const sentences = 2 + Math.floor(rand() * 2);
    let text = "";
    for (let s = 0; s < sentences; s++) text += fill(pick(rand, SENTENCES));
    paragraphs.push(text);
  }
  const summary = `${paragraphs[0].slice(0, 90)}…`;
  return {
    title,
    summary,
    body: paragraphs.join("\n\n"),
    bodyHtml: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
    bodyText: paragraphs.join("\n"),
    source: `${where.county}融媒体中心`,
    byline: `融媒体记者 ${pick(rand, PEOPLE)}`,
    place,
    subject,
  };
}

/** The timestamp format the app's Prisma client writes into SQLite: 2026-10-01T13:20:36.950+00:00. */
export function sqliteTime(ms) {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}
