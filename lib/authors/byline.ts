// Reading a Chinese byline (pure, unit-tested): which people it names and where, so that names
// with a reporter's profile become links and the rest stays the free text the editor wrote.
// Examples: 本报记者 张三 通讯员 李四 / 记者 王五、赵六 / 记者张三，实习生李四 / 文/图 钱七 / （记者 张文）.

// Role words before a name, possibly several ("本报记者"), possibly glued to it ("记者张三").
const ROLE =
  /^(?:本报|本台|本刊|本网|融媒体|特约|见习|实习)*(?:记者|通讯员|实习生|责任编辑|责编|编辑|摄影|摄像|撰稿|主笔|文\/图|图\/文|文|图|摄)[:：]?/;

// What separates the people of a byline: spaces (ASCII or ideographic), 、 ， , ； ; | and brackets.
const SEPARATORS = /([\s,，、;；|()（）【】[\]]+)/;

/** A piece of a byline: plain text, or a name (a link when a profile has exactly that name). */
export type BylinePart = { text: string; name?: undefined } | { text: string; name: string };

/**
 * The byline cut into its pieces, in order, their texts joined giving back the byline exactly:
 * each name is its own part (role words and a trailing 摄, "张三摄" = photographed by 张三, are not).
 */
export function bylineParts(byline: string): BylinePart[] {
  const parts: BylinePart[] = [];
  const text = (t: string) => {
    if (t === "") return;
    const last = parts.at(-1);
    if (last && last.name === undefined) last.text += t;
    else parts.push({ text: t });
  };
  byline.split(SEPARATORS).forEach((piece, i) => {
    // split() with a capturing group puts the separators at odd positions.
    if (i % 2 === 1) return text(piece);
    let rest = piece;
    for (let m = ROLE.exec(rest); m && m[0] !== ""; m = ROLE.exec(rest)) {
      text(m[0]);
      rest = rest.slice(m[0].length);
    }
    const photo = rest.length > 1 && rest.endsWith("摄");
    const name = photo ? rest.slice(0, -1) : rest;
    if (name !== "") parts.push({ text: name, name });
    if (photo) text("摄");
  });
  return parts;
}

/** The people named in a byline, in order, each once, without role words. */
export function bylineNames(byline: string): string[] {
  const names: string[] = [];
  for (const part of bylineParts(byline)) {
    if (part.name !== undefined && !names.includes(part.name)) names.push(part.name);
  }
  return names;
}

/** A profile a byline name links to. */
export interface BylineAuthor {
  name: string;
  slug: string;
}

/** Address of a reporter's page. */
export function authorHref(slug: string): string {
  return `/author/${slug}`;
}

/** The parts of a byline with the profile of each name that has one (`href`), the rest text. */
export function linkedByline(
  byline: string,
  authors: readonly BylineAuthor[],
): { text: string; href?: string }[] {
  const bySlug = new Map(authors.map((a) => [a.name, a.slug]));
  return bylineParts(byline).map((p) => {
    const slug = p.name === undefined ? undefined : bySlug.get(p.name);
    return slug === undefined ? { text: p.text } : { text: p.text, href: authorHref(slug) };
  });
}
