// Growing the network of local sites (admins only), as functions of (db, actor, input, now): a
// region under its parent (a province, a city under a province, a county under a city) and a new
// channel in a city or county. Each write records `site` and `channels` in its own transaction:
// every cached page shows a channel bar and lists chosen by city, and every process drops them
// on its next request, so a new city is live at once with no restart.
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canManageChannels, type Actor } from "@/lib/articles/permissions";
import { CHANNEL_MESSAGES } from "@/lib/channels/service";
import {
  CHILD_LEVEL,
  type NewChannelField,
  type NewChannelInput,
  type RegionField,
  type RegionInput,
  type RegionLevel,
} from "@/lib/regions/rules";

export const REGION_MESSAGES = {
  forbidden: "只有管理员可以修改地区和频道",
  parentNotFound: "上级地区不存在",
  parentIsCounty: "区县下不能再添加地区",
  nameTaken: "同一上级下已有同名地区",
  slugTaken: "同一上级下已有地区使用这个地址",
  regionNotFound: "所选地区不存在",
  regionIsProvince: "频道须属于一个城市或区县",
  taken: "名称或地址刚被另一次添加使用，请换一个再试",
} as const;

type Errors<F extends string> = Partial<Record<F, string[]>>;

/** P2002 from either generated client (SQLite or PostgreSQL), which are different classes. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export type RegionResult =
  { ok: true; id: number; level: RegionLevel } | { ok: false; message: string; errors?: Errors<RegionField> };

export async function createRegion(
  db: PrismaClient,
  actor: Actor,
  input: RegionInput,
  now: Date,
): Promise<RegionResult> {
  if (!canManageChannels(actor)) return { ok: false, message: REGION_MESSAGES.forbidden };
  const parent =
    input.parentId === null
      ? null
      : await db.region.findUnique({ where: { id: input.parentId }, select: { id: true, level: true } });
  if (input.parentId !== null && !parent) {
    return { ok: false, message: "请检查标出的内容", errors: { parentId: [REGION_MESSAGES.parentNotFound] } };
  }
  const parentLevel = parent ? parent.level : "root";
  if (!(parentLevel in CHILD_LEVEL)) {
    return { ok: false, message: "请检查标出的内容", errors: { parentId: [REGION_MESSAGES.parentIsCounty] } };
  }
  const level = CHILD_LEVEL[parentLevel as keyof typeof CHILD_LEVEL];
  // Looked up first for a clear message; the unique indexes (parentId, name) and (parentId, slug)
  // refuse a race too (caught below), except between provinces (NULL parents).
  const parentId = parent?.id ?? null;
  const [sameName, sameSlug] = await Promise.all([
    db.region.findFirst({ where: { parentId, name: input.name }, select: { id: true } }),
    db.region.findFirst({ where: { parentId, slug: input.slug }, select: { id: true } }),
  ]);
  const errors: Errors<RegionField> = {};
  if (sameName) errors.name = [REGION_MESSAGES.nameTaken];
  if (sameSlug) errors.slug = [REGION_MESSAGES.slugTaken];
  if (Object.keys(errors).length > 0) return { ok: false, message: "请检查标出的内容", errors };

  const created = await db
    .$transaction(async (tx) => {
      const region = await tx.region.create({
        data: { name: input.name, slug: input.slug, level, parentId },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: EDITORIAL_AUDIT.regionCreated,
          detail: JSON.stringify({
            regionId: region.id,
            name: input.name,
            slug: input.slug,
            level,
            parentId,
          }),
          createdAt: now,
        },
      });
      // Breadcrumbs, hubs, the home page's cities and the sitemap read the region tree.
      await recordInvalidation(tx, [TAGS.site, TAGS.channels], now);
      return region;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!created) return { ok: false, message: REGION_MESSAGES.taken };
  return { ok: true, id: created.id, level };
}

export type NewChannelResult =
  { ok: true; id: number } | { ok: false; message: string; errors?: Errors<NewChannelField> };

export async function createChannel(
  db: PrismaClient,
  actor: Actor,
  input: NewChannelInput,
  now: Date,
): Promise<NewChannelResult> {
  if (!canManageChannels(actor)) return { ok: false, message: REGION_MESSAGES.forbidden };
  const [region, sameName, sameSlug, redirect] = await Promise.all([
    db.region.findUnique({ where: { id: input.regionId }, select: { level: true } }),
    db.channel.findFirst({ where: { name: input.name }, select: { id: true } }),
    db.channel.findFirst({ where: { slug: input.slug }, select: { id: true } }),
    db.channelRedirect.findUnique({ where: { slug: input.slug }, select: { channelId: true } }),
  ]);
  const errors: Errors<NewChannelField> = {};
  if (!region) errors.regionId = [REGION_MESSAGES.regionNotFound];
  else if (region.level === "province") errors.regionId = [REGION_MESSAGES.regionIsProvince];
  if (sameName) errors.name = [CHANNEL_MESSAGES.nameTaken];
  if (sameSlug) errors.slug = [CHANNEL_MESSAGES.slugTaken];
  else if (redirect) errors.slug = [CHANNEL_MESSAGES.slugIsOldAddress];
  if (Object.keys(errors).length > 0) return { ok: false, message: "请检查标出的内容", errors };

  const channel = await db
    .$transaction(async (tx) => {
      const created = await tx.channel.create({
        data: {
          name: input.name,
          slug: input.slug,
          regionId: input.regionId,
          sortOrder: input.sortOrder,
          slogan: input.slogan,
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: EDITORIAL_AUDIT.channelCreated,
          detail: JSON.stringify({ channelId: created.id, ...input }),
          createdAt: now,
        },
      });
      // Every reader page shows a channel bar; the city's pages list its channels.
      await recordInvalidation(tx, [TAGS.site, TAGS.channels], now);
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!channel) return { ok: false, message: REGION_MESSAGES.taken };
  return { ok: true, id: channel.id };
}
