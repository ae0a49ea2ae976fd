// Editing a channel (admins only) as a function of (db, actor, input, now). Renaming a slug keeps
// the old one as a ChannelRedirect, so old channel and article addresses keep working.
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canManageChannels, type Actor } from "@/lib/articles/permissions";
import type { ChannelField, ChannelInput } from "@/lib/channels/rules";

export type ChannelResult =
  | { ok: true; slugChanged: boolean; oldSlug: string }
  | { ok: false; message: string; errors?: Partial<Record<ChannelField, string[]>> };

export const CHANNEL_MESSAGES = {
  forbidden: "只有管理员可以修改频道",
  notFound: "该频道不存在",
  nameTaken: "已有同名频道",
  slugTaken: "已有频道使用这个地址",
  slugIsOldAddress: "这个地址是另一个频道的旧地址（仍在跳转），不能使用",
} as const;

export async function updateChannel(
  db: PrismaClient,
  actor: Actor,
  input: ChannelInput,
  now: Date,
): Promise<ChannelResult> {
  if (!canManageChannels(actor)) return { ok: false, message: CHANNEL_MESSAGES.forbidden };
  const current = await db.channel.findUnique({
    where: { id: input.id },
    select: { id: true, name: true, slug: true, sortOrder: true, slogan: true, reviewSteps: true },
  });
  if (!current) return { ok: false, message: CHANNEL_MESSAGES.notFound };
  const slugChanged = input.slug !== current.slug;
  const [sameName, sameSlug, redirect] = await Promise.all([
    input.name === current.name
      ? null
      : db.channel.findFirst({ where: { name: input.name, id: { not: input.id } }, select: { id: true } }),
    slugChanged ? db.channel.findFirst({ where: { slug: input.slug }, select: { id: true } }) : null,
    slugChanged
      ? db.channelRedirect.findUnique({ where: { slug: input.slug }, select: { channelId: true } })
      : null,
  ]);
  const errors: Partial<Record<ChannelField, string[]>> = {};
  if (sameName) errors.name = [CHANNEL_MESSAGES.nameTaken];
  if (sameSlug) errors.slug = [CHANNEL_MESSAGES.slugTaken];
  else if (redirect && redirect.channelId !== input.id) errors.slug = [CHANNEL_MESSAGES.slugIsOldAddress];
  if (Object.keys(errors).length > 0) return { ok: false, message: "请检查标出的内容", errors };

  await db.$transaction(async (tx) => {
    if (slugChanged) {
      // Taking back one of this channel's own old slugs: it is no longer a redirect.
      await tx.channelRedirect.deleteMany({ where: { slug: input.slug, channelId: input.id } });
    }
    await tx.channel.update({
      where: { id: input.id },
      data: {
        name: input.name,
        slug: input.slug,
        sortOrder: input.sortOrder,
        slogan: input.slogan,
        reviewSteps: input.reviewSteps,
        updatedAt: now,
      },
    });
    if (slugChanged) {
      await tx.channelRedirect.create({ data: { slug: current.slug, channelId: input.id, createdAt: now } });
    }
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action: EDITORIAL_AUDIT.channelUpdated,
        detail: JSON.stringify({
          channelId: input.id,
          before: {
            name: current.name,
            slug: current.slug,
            sortOrder: current.sortOrder,
            slogan: current.slogan,
            reviewSteps: current.reviewSteps,
          },
          after: {
            name: input.name,
            slug: input.slug,
            sortOrder: input.sortOrder,
            slogan: input.slogan,
            reviewSteps: input.reviewSteps,
          },
        }),
        createdAt: now,
      },
    });
    // Every reader page shows the channel bar, and every cached story its channel's slug and name.
    await recordInvalidation(tx, [TAGS.site, TAGS.channels], now);
  });
  return { ok: true, slugChanged, oldSlug: current.slug };
}
