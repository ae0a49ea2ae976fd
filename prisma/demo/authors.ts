// Demo reporters' profiles: reporters the demo bylines name most (prisma/demo/content.ts draws the
// names deterministically), each with the desk of the channel they write for most. The seed links
// them to every demo story whose byline names them (lib/authors/links.ts).
export interface DemoAuthor {
  name: string;
  slug: string;
  desk: string;
  bio: string;
}

export const DEMO_AUTHORS: readonly DemoAuthor[] = [
  {
    name: "欧金凤",
    slug: "ou-jinfeng",
    desk: "柳州新闻部",
    bio: "跑城建与民生线，关注老城区改造、公交出行和菜篮子价格。",
  },
  {
    name: "陈昌平",
    slug: "chen-changping",
    desk: "鹿寨新闻",
    bio: "常驻鹿寨，报道县域产业、乡村振兴和林业。",
  },
  {
    name: "廖卫东",
    slug: "liao-weidong",
    desk: "融水新闻",
    bio: "苗乡记者，写融水的山、村寨和节庆，也写山里人的日常。",
  },
  {
    name: "石志强",
    slug: "shi-zhiqiang",
    desk: "融安新闻",
    bio: "关注融安金桔、农业产业和基层治理。",
  },
];
