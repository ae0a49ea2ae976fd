// Demo 图集 stories: a gallery each, from the same locally rendered demo scenes as the lead images.
// No lead image: the gallery's first image is their cover in 图文看点.
import type { DemoChannelSlug, DemoImage } from "./types";

export interface DemoGallery {
  key: string;
  channel: DemoChannelSlug;
  title: string;
  summary: string;
  body: string;
  source: string;
  byline: string;
  tags: string[];
  publishedHoursAgo: number;
  images: DemoImage[];
}

const credit = (name: string) => `本报记者 ${name} 摄`;

export const DEMO_GALLERIES: readonly DemoGallery[] = [
  {
    key: "gallery-liuzhou-01",
    channel: "liuzhou",
    title: "图集｜柳江两岸入秋，山水城景如画",
    summary:
      "入秋以来，柳江水色清澈，两岸喀斯特群峰、桥梁与城区相映成景，市民沿江散步、骑行，记者用镜头记录下这座山水城市的秋日。",
    body: "入秋以来，柳江水位回落，江水清澈见底。清晨薄雾笼罩江面，两岸群峰若隐若现；傍晚时分，桥梁灯光亮起，江滨步道上散步、骑行的市民络绎不绝。\n\n本报记者连日走访江滨公园、文惠桥和窑埠古镇，记录下柳江两岸的秋日景致。",
    source: "柳州日报",
    byline: "本报记者 韦清 摄影报道",
    tags: ["柳江", "城市风光", "图集"],
    publishedHoursAgo: 26,
    images: [
      {
        scene: "river",
        seed: 9101,
        alt: "晨雾中的柳江江面与远山",
        caption: "清晨，薄雾笼罩柳江江面，远处群峰若隐若现。",
        credit: credit("韦清"),
      },
      {
        scene: "karst",
        seed: 9102,
        alt: "江边的喀斯特峰林",
        caption: "江岸峰林倒映水中，宛如一幅水墨画。",
        credit: credit("韦清"),
      },
      {
        scene: "bridge",
        seed: 9103,
        alt: "横跨柳江的大桥",
        caption: "横跨柳江的大桥连接两岸城区。",
        credit: credit("韦清"),
      },
      {
        scene: "city",
        seed: 9104,
        alt: "柳江沿岸的城市楼群",
        caption: "沿江楼群与山水相映，城在景中。",
        credit: credit("韦清"),
      },
      {
        scene: "field",
        seed: 9105,
        alt: "城郊的稻田",
        caption: "城郊稻田进入收割时节。",
        credit: credit("韦清"),
      },
      {
        scene: "river",
        seed: 9106,
        alt: "傍晚的柳江",
        caption: "傍晚，夕阳映照江面，市民沿江散步。",
        credit: credit("韦清"),
      },
    ],
  },
  {
    key: "gallery-sanjiang-01",
    channel: "sanjiang",
    title: "图集｜三江侗寨多耶节，百家宴摆上风雨桥",
    summary:
      "三江侗族自治县一年一度的多耶节开幕，侗族群众身着盛装踩歌堂、摆百家宴，游客跟着芦笙节拍一起跳起多耶舞。",
    body: "一年一度的多耶节在三江侗族自治县开幕。侗族群众身着盛装，在鼓楼前踩歌堂、吹芦笙，长桌百家宴从鼓楼一直摆到风雨桥上。\n\n不少游客专程赶来，跟着芦笙节拍手拉手跳起多耶舞，品尝侗家油茶和酸鱼。",
    source: "三江融媒",
    byline: "通讯员 杨梅 摄",
    tags: ["三江", "侗族", "节庆", "图集"],
    publishedHoursAgo: 40,
    images: [
      {
        scene: "festival",
        seed: 9201,
        alt: "身着盛装的侗族群众在鼓楼前踩歌堂",
        caption: "侗族群众身着盛装，在鼓楼前踩歌堂。",
        credit: "杨梅 摄",
      },
      {
        scene: "village",
        seed: 9202,
        alt: "依山而建的侗寨木楼",
        caption: "依山而建的侗寨木楼，炊烟袅袅。",
        credit: "杨梅 摄",
      },
      {
        scene: "bridge",
        seed: 9203,
        alt: "风雨桥上的长桌宴",
        caption: "长桌百家宴从鼓楼一直摆到风雨桥上。",
        credit: "杨梅 摄",
      },
      {
        scene: "food",
        seed: 9204,
        alt: "侗家油茶和酸鱼",
        caption: "侗家油茶、酸鱼摆满餐桌。",
        credit: "杨梅 摄",
      },
      {
        scene: "festival",
        seed: 9205,
        alt: "游客与侗族群众一起跳多耶舞",
        caption: "游客跟着芦笙节拍跳起多耶舞。",
        credit: "杨梅 摄",
      },
    ],
  },
];
