// Reporter profiles for the editor area. Never cached: an edit must show at once.
import "server-only";
import { getDb } from "@/lib/db";
import { imageSelect, toAdminImage, type AdminImage } from "@/lib/data/admin-images";

export interface AdminAuthorRow {
  id: number;
  name: string;
  slug: string;
  desk: string;
  /** Stories whose byline names the profile (any status). */
  stories: number;
}

export interface AdminAuthor {
  id: number;
  name: string;
  slug: string;
  desk: string;
  bio: string;
  photo: AdminImage | null;
  stories: number;
}

/** Most profiles the list shows (a newsroom has dozens). */
const ADMIN_AUTHORS_MAX = 500;

export async function listAdminAuthors(): Promise<AdminAuthorRow[]> {
  const db = await getDb();
  const rows = await db.author.findMany({
    orderBy: [{ desk: "asc" }, { name: "asc" }],
    take: ADMIN_AUTHORS_MAX,
    select: { id: true, name: true, slug: true, desk: true, _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, stories: _count.articles }));
}

export async function getAdminAuthor(id: number): Promise<AdminAuthor | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const db = await getDb();
  const row = await db.author.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      slug: true,
      desk: true,
      bio: true,
      photo: { select: imageSelect },
      _count: { select: { articles: true } },
    },
  });
  if (!row) return null;
  const { _count, photo, ...rest } = row;
  return { ...rest, photo: photo ? toAdminImage(photo) : null, stories: _count.articles };
}
