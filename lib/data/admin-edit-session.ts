// What the edit and new pages need for autosave and the edit lock (edit-session.tsx): the lock as
// this user sees it, the autosave on offer, and, with ?restore=1, the autosaved fields to fill
// the form with (the form is uncontrolled: it starts from these values).
import "server-only";
import { getDb } from "@/lib/db";
import type { ArticleFormValues } from "@/lib/articles/form";
import type { CurrentUser } from "@/lib/auth/types";
import { autosaveOffer } from "@/lib/drafts/autosave";
import { readLock } from "@/lib/locks/edit-lock";
import { lockJson } from "@/lib/locks/lock-json";
import { imageSelect, toAdminImage, type AdminImage } from "@/lib/data/admin-images";
import type { AutosaveOfferProps } from "@/app/admin/(protected)/articles/autosave/edit-session";

interface Story {
  id: number;
  values: ArticleFormValues;
  updatedAt: Date;
  leadImage: AdminImage | null;
}

export interface EditSessionData {
  /** Props of <EditSession>, less its children. */
  session: {
    articleId: number | null;
    canEdit: boolean;
    initialLock: ReturnType<typeof lockJson> | null;
    offer: AutosaveOfferProps | null;
  };
  /** The form's starting fields and lead image: the story's, or the autosave's when restoring. */
  values: ArticleFormValues;
  image: AdminImage | null;
}

/**
 * `story` null: the new-story page, whose form starts from `blank`. `path` is the page's own
 * address, for the 恢复 link.
 */
export async function editSessionData(
  user: CurrentUser,
  story: Story | null,
  blank: ArticleFormValues,
  query: Record<string, string | string[] | undefined>,
  canEdit: boolean,
  path: string,
): Promise<EditSessionData> {
  const db = await getDb();
  const [lock, offer] = await Promise.all([
    story ? readLock(db, story.id, user.id, new Date()) : null,
    canEdit ? autosaveOffer(db, user.id, story?.id ?? null, story) : null,
  ]);
  const restoring = offer !== null && query.restore === "1";
  const values = restoring ? offer.values : (story?.values ?? blank);
  let image = story?.leadImage ?? null;
  if (restoring && values.leadImageId !== String(image?.id ?? "")) {
    const id = Number(values.leadImageId);
    const row =
      Number.isSafeInteger(id) && id > 0
        ? await db.image.findUnique({ where: { id }, select: imageSelect })
        : null;
    image = row ? toAdminImage(row) : null;
  }
  return {
    session: {
      articleId: story?.id ?? null,
      canEdit,
      initialLock: lock ? lockJson(lock) : null,
      offer: offer && {
        savedAt: offer.savedAt.toISOString(),
        olderThanStory: offer.olderThanStory,
        restored: restoring,
        restoreHref: `${path}?restore=1`,
        plainHref: path,
      },
    },
    values,
    image,
  };
}
