// AuditLog.action names of editorial work (articles, images, comments, channels) and the labels of
// every action for the audit log page. Account actions are in lib/auth/audit-actions.ts.
import { AUDIT } from "@/lib/auth/audit-actions";

export const EDITORIAL_AUDIT = {
  articleCreated: "article_created",
  articleUpdated: "article_updated",
  articlePublished: "article_published",
  articleScheduled: "article_scheduled",
  articleUnpublished: "article_unpublished",
  articleRestored: "article_restored",
  articleDeleted: "article_deleted",
  imageUploaded: "image_uploaded",
  commentApproved: "comment_approved",
  commentRejected: "comment_rejected",
  commentDeleted: "comment_deleted",
  addressBanned: "address_banned",
  channelUpdated: "channel_updated",
  bannerSet: "banner_set",
  bannerRemoved: "banner_removed",
  liveStarted: "live_started",
  liveEnded: "live_ended",
  liveEntryAdded: "live_entry_added",
  liveEntryCorrected: "live_entry_corrected",
  liveEntryPinned: "live_entry_pinned",
  liveEntryUnpinned: "live_entry_unpinned",
  liveEntryRemoved: "live_entry_removed",
} as const;

export type EditorialAuditAction = (typeof EDITORIAL_AUDIT)[keyof typeof EDITORIAL_AUDIT];

const LABELS: Record<string, string> = {
  [EDITORIAL_AUDIT.articleCreated]: "新建稿件",
  [EDITORIAL_AUDIT.articleUpdated]: "修改稿件",
  [EDITORIAL_AUDIT.articlePublished]: "发布稿件",
  [EDITORIAL_AUDIT.articleScheduled]: "定时发布",
  [EDITORIAL_AUDIT.articleUnpublished]: "撤下稿件",
  [EDITORIAL_AUDIT.articleRestored]: "恢复历史版本",
  [EDITORIAL_AUDIT.articleDeleted]: "删除稿件",
  [EDITORIAL_AUDIT.imageUploaded]: "上传图片",
  [EDITORIAL_AUDIT.commentApproved]: "通过评论",
  [EDITORIAL_AUDIT.commentRejected]: "拒绝评论",
  [EDITORIAL_AUDIT.commentDeleted]: "删除评论",
  [EDITORIAL_AUDIT.addressBanned]: "封禁评论地址",
  [EDITORIAL_AUDIT.channelUpdated]: "修改频道",
  [EDITORIAL_AUDIT.bannerSet]: "设置突发横幅",
  [EDITORIAL_AUDIT.bannerRemoved]: "撤下突发横幅",
  [EDITORIAL_AUDIT.liveStarted]: "开始直播",
  [EDITORIAL_AUDIT.liveEnded]: "结束直播",
  [EDITORIAL_AUDIT.liveEntryAdded]: "发布直播条目",
  [EDITORIAL_AUDIT.liveEntryCorrected]: "更正直播条目",
  [EDITORIAL_AUDIT.liveEntryPinned]: "置顶直播条目",
  [EDITORIAL_AUDIT.liveEntryUnpinned]: "取消置顶直播条目",
  [EDITORIAL_AUDIT.liveEntryRemoved]: "删除直播条目",
  [AUDIT.login]: "登录",
  [AUDIT.logout]: "退出登录",
  [AUDIT.logoutEverywhere]: "退出所有设备",
  [AUDIT.passwordChanged]: "修改密码",
  [AUDIT.passwordReset]: "重置密码（命令行）",
  [AUDIT.userCreated]: "创建用户",
  [AUDIT.roleChanged]: "修改角色",
  [AUDIT.userDisabled]: "停用用户",
  [AUDIT.userEnabled]: "启用用户",
};

export function auditLabel(action: string): string {
  return LABELS[action] ?? action;
}
