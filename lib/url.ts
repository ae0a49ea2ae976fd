/**
 * Article ids in URLs: `/liujiang/123` (an optional readable suffix such as `123-some-words` is
 * accepted and redirected to the bare id). Anything else is not an article address. Takes the
 * decoded segment (route handlers get it decoded; pages decode with lib/http/params.ts).
 */
export function parseArticleId(segment: string): number | null {
  const m = /^([1-9]\d{0,9})(?:-[^/]*)?$/.exec(segment);
  if (!m || !m[1]) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}
