// The reporter profile form: what it sends, exactly as typed, and its rules. Shared by the server
// actions, the form and the tests; no server-only code here.
import { z } from "zod";
import { bylineNames } from "@/lib/authors/byline";
import { lineText, multilineText } from "@/lib/text";

export const AUTHOR_LIMITS = { name: 20, slug: 40, desk: 30, bio: 300 } as const;

export const AUTHOR_SLUG_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export interface AuthorFormValues {
  name: string;
  slug: string;
  desk: string;
  bio: string;
  /** An Image id, or "" for no photo. */
  photoId: string;
}

export type AuthorField = keyof AuthorFormValues;

/** The fields of a submitted form, bounded well above the limits so that what was typed comes back. */
export function readAuthorForm(formData: FormData): AuthorFormValues {
  const text = (name: AuthorField, max: number): string => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, max) : "";
  };
  return {
    name: text("name", 200),
    slug: text("slug", 200),
    desk: text("desk", 300),
    bio: text("bio", 3000),
    photoId: text("photoId", 20),
  };
}

export const authorFormSchema = z.object({
  name: lineText()
    .trim()
    .min(2, { error: "姓名至少 2 个字" })
    .max(AUTHOR_LIMITS.name, { error: `姓名最多 ${AUTHOR_LIMITS.name} 个字` })
    // The name is matched against bylines exactly as a byline is read: it must read as one name.
    .refine((v) => bylineNames(v).join("|") === v, {
      error: "姓名须与署名中的写法一致：不含空格、顿号、逗号、括号，也不以“记者”“通讯员”等开头",
    }),
  slug: z.string().trim().toLowerCase().regex(AUTHOR_SLUG_PATTERN, {
    error: "地址须为 2–40 位小写拼音字母、数字或 -，并以字母开头，如 wei-li",
  }),
  desk: lineText()
    .trim()
    .max(AUTHOR_LIMITS.desk, { error: `部门最多 ${AUTHOR_LIMITS.desk} 个字` }),
  bio: multilineText()
    .trim()
    .max(AUTHOR_LIMITS.bio, { error: `简介最多 ${AUTHOR_LIMITS.bio} 个字` }),
  photoId: z.union([
    z.literal("").transform(() => null),
    z.coerce.number({ error: "照片无效，请重新上传" }).int().positive({ error: "照片无效，请重新上传" }),
  ]),
});

export type AuthorInput = z.output<typeof authorFormSchema>;

export type ParsedAuthorForm =
  { ok: true; input: AuthorInput } | { ok: false; errors: Partial<Record<AuthorField, string[]>> };

export function parseAuthorForm(values: AuthorFormValues): ParsedAuthorForm {
  const parsed = authorFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: z.flattenError(parsed.error).fieldErrors };
}
