// The shape of a large portal database (scripts/seed-large/run.mjs): which channel each story is
// in, when it was published, its tags, how many people read and commented on it. Pure,
// deterministic functions of the story number and the seed (unit-tested in shape.test.mjs).
import { LIUJIANG, prng } from "../bench/lib/synthetic.mjs";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where each seeded channel's stories happen, and its share of all stories. */
export const CHANNEL_SHAPES = {
  liuzhou: {
    weight: 34,
    county: "柳州市",
    places: ["城中区", "鱼峰区", "柳南区", "柳北区", "柳东新区", "阳和工业新区", "窑埠古镇", "百里柳江"],
  },
  liujiang: { weight: 14, ...LIUJIANG },
  liucheng: {
    weight: 10,
    county: "柳城县",
    places: [
      "大埔镇",
      "龙头镇",
      "太平镇",
      "沙埔镇",
      "东泉镇",
      "凤山镇",
      "六塘镇",
      "冲脉镇",
      "寨隆镇",
      "马山镇",
    ],
  },
  luzhai: {
    weight: 11,
    county: "鹿寨县",
    places: ["鹿寨镇", "中渡镇", "寨沙镇", "平山镇", "黄冕镇", "四排镇", "江口乡", "导江乡", "拉沟乡"],
  },
  rongan: {
    weight: 9,
    county: "融安县",
    places: [
      "长安镇",
      "浮石镇",
      "泗顶镇",
      "板榄镇",
      "大将镇",
      "大良镇",
      "雅瑶乡",
      "大坡乡",
      "东起乡",
      "潭头乡",
    ],
  },
  rongshui: {
    weight: 11,
    county: "融水苗族自治县",
    places: [
      "融水镇",
      "和睦镇",
      "三防镇",
      "怀宝镇",
      "洞头镇",
      "大浪镇",
      "永乐镇",
      "四荣乡",
      "香粉乡",
      "安太乡",
    ],
  },
  sanjiang: {
    weight: 11,
    county: "三江侗族自治县",
    places: [
      "古宜镇",
      "斗江镇",
      "丹洲镇",
      "程阳八寨",
      "林溪镇",
      "八江镇",
      "独峒镇",
      "同乐苗族乡",
      "良口乡",
      "洋溪乡",
    ],
  },
};

/** Topics shared across channels, most frequent first (a Zipf-like pick favours the first). */
export const TOPICS = [
  "乡村振兴",
  "民生",
  "产业发展",
  "农业",
  "基层党建",
  "文明创建",
  "安全生产",
  "教育",
  "文化旅游",
  "生态环保",
  "交通建设",
  "医疗卫生",
  "就业创业",
  "防汛救灾",
  "招商引资",
  "营商环境",
  "非遗传承",
  "民族团结",
  "螺蛳粉产业",
  "科技创新",
];

/** Index in [0, n) drawn with probability ∝ 1/(k+1)^s: a few very common values, a long tail. */
export function zipfIndex(rand, n, s = 1.1) {
  let total = 0;
  for (let k = 0; k < n; k++) total += 1 / (k + 1) ** s;
  let r = rand() * total;
  for (let k = 0; k < n; k++) {
    r -= 1 / (k + 1) ** s;
    if (r <= 0) return k;
  }
  return n - 1;
}

/** Pareto-distributed value ≥ 1 (shape `alpha`): most stories modest, a few enormous. */
export function pareto(rand, alpha = 1.3) {
  return 1 / (1 - rand()) ** (1 / alpha);
}

/** Cumulative channel weights for picking a channel by a uniform number in [0, 1). */
export function channelPicker(slugs) {
  const known = slugs.filter((s) => CHANNEL_SHAPES[s]);
  if (known.length === 0) throw new Error(`none of the channels ${slugs.join(", ")} has a shape`);
  const total = known.reduce((t, s) => t + CHANNEL_SHAPES[s].weight, 0);
  let acc = 0;
  const steps = known.map((slug) => ({ slug, upTo: (acc += CHANNEL_SHAPES[slug].weight / total) }));
  return (u) => (steps.find((x) => u < x.upTo) ?? steps[steps.length - 1]).slug;
}

/**
 * Everything about synthetic story `i` of `n` that is not its text. Stories are published in
 * order of `i` across `[now - years, now)`, so the newest ids are the newest stories.
 */
export function storyShape(i, n, { seed = 1, now, years = 10, pickChannel }) {
  const rand = prng(seed * 1_000_003 + i * 7919 + 17);
  const span = years * 365 * DAY;
  // When it was written (and published, unless it is a draft).
  const at = Math.floor(now - span + ((i + rand()) / n) * span) - 60_000;
  const slug = pickChannel(rand());
  const u = rand();
  const status = u < 0.01 ? "draft" : u < 0.02 ? "unpublished" : "published";
  const flags = rand();
  const topics = new Set();
  const topicCount = zipfIndex(rand, 3, 1); // 0, 1 or 2 topics besides place and subject
  for (let k = 0; k < topicCount + 1; k++) topics.add(TOPICS[zipfIndex(rand, TOPICS.length)]);
  const popularity = pareto(rand);
  return {
    slug,
    status,
    at,
    publishedAt: status === "draft" ? null : at,
    isHeadline: flags < 0.004,
    isRecommended: flags >= 0.004 && flags < 0.024,
    isCommunity: flags >= 0.024 && flags < 0.054,
    hasImage: rand() < 0.35,
    imagePick: rand(),
    topics: [...topics],
    // Lifetime views: a long tail of a few dozen, a few stories read by tens of thousands.
    views: Math.min(500_000, Math.floor(20 * popularity)),
    // Comments grow a little faster than views with popularity: about 0.7 a story on average,
    // none on nine stories in ten, hundreds on the most read.
    comments: Math.min(300, Math.floor((popularity - 1) ** 1.2 / 6)),
  };
}

/**
 * Hourly view buckets of a story read `views` times, published at `publishedAt`: most reads in
 * its first hours, fading over three days, then a trickle. Only hours before `now` are kept.
 * @returns {Array<[number, number]>} [bucket start ms, count]
 */
export function viewBuckets(views, publishedAt, now, rand) {
  const firstHour = Math.floor(publishedAt / HOUR) * HOUR;
  const out = new Map();
  let left = views;
  for (let h = 0; left > 0 && h < 72; h++) {
    const share = Math.max(1, Math.round(left * (h < 6 ? 0.3 : 0.15)));
    const count = Math.min(left, share);
    out.set(firstHour + h * HOUR, count);
    left -= count;
  }
  // Whatever is left trickles in over the following month, a few hours at random.
  for (let k = 0; left > 0 && k < 8; k++) {
    const at = firstHour + (72 + Math.floor(rand() * 27 * 24)) * HOUR;
    const count = k === 7 ? left : Math.ceil(left / 2);
    out.set(at, (out.get(at) ?? 0) + count);
    left -= count;
  }
  return [...out].filter(([at]) => at + HOUR <= now);
}

/** Tag names of a story: its place, its subject and its topics. */
export function storyTags(story, shape) {
  return [story.place, story.subject, ...shape.topics];
}
