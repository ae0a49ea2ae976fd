// `/zhuanti/<slug>/<n>?page=M`, rewritten here by next.config.mjs so that each page is cached on
// its own: the section page, with the page number from the path.
export { default, generateMetadata, generateStaticParams } from "../../page";
export const revalidate = 20;
