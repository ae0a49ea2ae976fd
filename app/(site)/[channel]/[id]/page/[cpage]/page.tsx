// `/liujiang/123?page=N`, a story's comment page N, rewritten here by lib/http/routing.mjs (the
// rewrite of every paged list) so that each page is cached on its own: the article page, with the
// comment page number from the path.
export { default, generateMetadata, generateStaticParams } from "../../page";
export const revalidate = 20;
