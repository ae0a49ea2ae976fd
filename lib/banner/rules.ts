// The 突发 banner form: what it sends, exactly as typed, and its rules. Shared by the server action,
// the form and the tests; no server-only code here.
import { z } from "zod";
import { parseBeijingLocal } from "@/lib/time";
import { parseArticleId } from "@/lib/url";
import { lineText } from "@/lib/text";

export const BANNER_LIMITS = {
  /** One line under the header, readable at a glance on a phone. */
  text: 60,
  /** A banner is for breaking news: it must end, within a week at most. */
  maxDurationMs: 7 * 24 * 3_600_000,
} as const;

/** The one row's key: setting a banner replaces whatever banner there was. */
export const BANNER_ID = 1;

export interface BannerFormValues {
  text: string;
  /** A story id (`123`) or address (`/liujiang/123`, `https://…/liujiang/123`). */
  article: string;
  /** datetime-local value, Beijing time: `YYYY-MM-DDTHH:mm`. */
  endsAt: string;
}

export type BannerField = keyof BannerFormValues;

export interface BannerInput {
  text: string;
  articleId: number;
  endsAt: Date;
}

/** The fields of a submitted form, bounded well above the limits so that what was typed comes back. */
export function readBannerForm(formData: FormData): BannerFormValues {
  const text = (name: BannerField, max: number): string => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, max) : "";
  };
  return {
    text: text("text", BANNER_LIMITS.text * 4),
    article: text("article", 2000),
    endsAt: text("endsAt", 40),
  };
}

/**
 * The story id in what an editor pastes: a bare id, or an address of the site whose last path
 * segment is a story id (query and fragment ignored). Null when it names no story.
 */
export function articleIdFrom(value: string): number | null {
  const v = value.trim();
  if (v === "") return null;
  let pathname = v;
  if (/^https?:\/\//i.test(v)) {
    try {
      pathname = new URL(v).pathname;
    } catch {
      return null;
    }
  }
  const segments =
    pathname
      .split(/[?#]/)[0]
      ?.split("/")
      .filter((s) => s !== "") ?? [];
  // A bare id, or /<channel>/<id>: the only shapes of a story's address.
  if (segments.length === 1 && !v.includes("/")) return parseArticleId(segments[0] ?? "");
  if (segments.length === 2) return parseArticleId(segments[1] ?? "");
  return null;
}

export const BANNER_MESSAGES = {
  textEmpty: "请输入横幅文字",
  textLong: `横幅文字最多 ${BANNER_LIMITS.text} 个字`,
  article: "请填写稿件编号或稿件地址，如 123 或 /liujiang/123",
  endsAtBad: "请填写有效的结束时间（北京时间）",
  endsAtPast: "结束时间须晚于现在",
  endsAtFar: "横幅最长显示 7 天，请提前结束时间",
} as const;

/** The rules at `now` (the end time must lie ahead of it, and at most 7 days ahead). */
export function bannerFormSchema(now: Date) {
  return z.object({
    text: lineText()
      .trim()
      .min(1, { error: BANNER_MESSAGES.textEmpty })
      .max(BANNER_LIMITS.text, { error: BANNER_MESSAGES.textLong }),
    article: z.string().transform((v, ctx) => {
      const id = articleIdFrom(v);
      if (id === null) {
        ctx.addIssue({ code: "custom", message: BANNER_MESSAGES.article });
        return z.NEVER;
      }
      return id;
    }),
    endsAt: z.string().transform((v, ctx) => {
      const date = parseBeijingLocal(v);
      const message = !date
        ? BANNER_MESSAGES.endsAtBad
        : date.getTime() <= now.getTime()
          ? BANNER_MESSAGES.endsAtPast
          : date.getTime() - now.getTime() > BANNER_LIMITS.maxDurationMs
            ? BANNER_MESSAGES.endsAtFar
            : null;
      if (message || !date) {
        ctx.addIssue({ code: "custom", message: message ?? BANNER_MESSAGES.endsAtBad });
        return z.NEVER;
      }
      return date;
    }),
  });
}

export type BannerParse =
  { ok: true; input: BannerInput } | { ok: false; errors: Partial<Record<BannerField, string[]>> };

export function parseBannerForm(values: BannerFormValues, now: Date): BannerParse {
  const parsed = bannerFormSchema(now).safeParse(values);
  if (!parsed.success) {
    const { text, article, endsAt } = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, errors: { text, article, endsAt } };
  }
  return {
    ok: true,
    input: { text: parsed.data.text, articleId: parsed.data.article, endsAt: parsed.data.endsAt },
  };
}
