// Types of lib/http/routing.mjs (plain JavaScript so that next.config.mjs can load it).
interface Condition {
  type: "query";
  key: string;
  value: string;
}
interface Rule {
  source: string;
  destination: string;
  has?: Condition[];
}
export function redirectRules(): (Rule & { permanent: boolean })[];
export function rewriteRules(): { beforeFiles: Rule[] };
