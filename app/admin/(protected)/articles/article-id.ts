/** The `[id]` segment of the editor's article pages, or null when it is not a story id. */
export function parseAdminArticleId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}
