// The demo's 更正 and 更新说明 (/corrections, and the end of the live marathon story), so that the
// public corrections page and a corrected story have something to show.
import type { CorrectionKind } from "../../lib/corrections/rules";

export interface DemoCorrection {
  /** The story's demo key (externalKey without "demo:"). */
  story: string;
  kind: CorrectionKind;
  text: string;
  hoursAgo: number;
}

export const DEMO_CORRECTIONS: readonly DemoCorrection[] = [
  {
    story: "live-marathon",
    kind: "correction",
    text: "本文此前称全程马拉松关门时间为6小时，应为6小时30分钟。特此更正，并向读者致歉。",
    hoursAgo: 22,
  },
  {
    story: "live-marathon",
    kind: "update",
    text: "补充了赛后交通恢复时间和获奖名单。",
    hoursAgo: 18,
  },
];
