// The demo's live story (直播): the 柳州马拉松 as it was covered, entry by entry, ended. Kept apart
// from the generated stories (content.ts) so that their deterministic set stays as it is.
import type { DemoImage } from "./types";

export interface DemoLiveEntry {
  /** Minutes after the coverage started. */
  minute: number;
  body: string;
  quote?: string;
  quoteBy?: string;
  image?: DemoImage;
  pinned?: boolean;
}

export const DEMO_LIVE = {
  key: "live-marathon",
  channel: "liuzhou",
  title: "直播：2026柳州马拉松鸣枪开跑",
  summary: "3万名跑者从柳州市体育中心出发，沿百里柳江奔跑。本网记者在起点、沿途和终点为您现场直播。",
  body: "2026柳州马拉松今晨在柳州市体育中心鸣枪开跑，赛事设全程马拉松、半程马拉松和健康跑三个项目。本网记者在起点、沿途补给站和终点，为您直播赛况。\n\n交通提示：比赛期间，沿线道路分时段交通管制，请市民提前规划出行。",
  source: "地方网",
  byline: "韦晓岚 覃志强",
  tags: ["柳州", "马拉松", "直播"],
  image: {
    alt: "马拉松起点，跑者沿柳江出发",
    caption: "2026柳州马拉松起点",
    credit: "地方网记者 摄",
    scene: "city",
    seed: 7301,
  } satisfies DemoImage,
  /** The coverage began this long before the seed ran and lasted `durationMinutes`. */
  startedHoursAgo: 30,
  durationMinutes: 300,
  entries: [
    {
      minute: 0,
      body: "7:30，2026柳州马拉松在柳州市体育中心鸣枪开跑。3万名跑者从起点出发，沿百里柳江向东奔跑。",
    },
    {
      minute: 12,
      body: "起点区域的跑者已全部出发。今天柳州多云，气温14到18摄氏度，适合长跑。",
      quote: "这是我第三次跑柳马，沿江的风景每年都不一样。",
      quoteBy: "来自南宁的跑者黄先生",
    },
    {
      minute: 45,
      body: "第一集团通过10公里处的文惠桥，领跑的是一名肯尼亚选手和两名国内选手。",
      image: {
        alt: "跑者经过柳江上的大桥",
        caption: "跑者经过文惠桥",
        credit: "地方网记者 摄",
        scene: "bridge",
        seed: 7302,
      },
    },
    { minute: 70, body: "半程马拉松男子组冠军产生，成绩1小时05分12秒。赛道沿线的螺蛳粉补给站前排起了长队。" },
    {
      minute: 150,
      body: "全程马拉松男子组冠军冲过终点，成绩2小时11分47秒，打破赛会纪录。",
      pinned: true,
    },
    { minute: 170, body: "全程马拉松女子组冠军产生，成绩2小时29分30秒。" },
    {
      minute: 240,
      body: "医疗保障组介绍，截至目前共救治身体不适跑者46人次，均无大碍。",
      quote: "今年补给站增加到了20个，医疗点每2.5公里一个。",
      quoteBy: "赛事医疗负责人",
    },
    { minute: 300, body: "12:30，关门时间到，2026柳州马拉松顺利结束。本场直播到此结束，感谢关注。" },
  ] satisfies DemoLiveEntry[],
} as const;
