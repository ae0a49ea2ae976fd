// `/liujiang/123?cpage=N`, rewritten here by next.config.mjs so that each page is cached on its
// own: the article page, with the comment page number from the path.
export { default, generateMetadata, generateStaticParams } from "../../page";
export const revalidate = 20;
