"use client";
import { useActionState, type ChangeEvent } from "react";
import { useFormStatus } from "react-dom";
import { banAddressAction, moderateCommentsAction } from "@/lib/actions/admin/moderate-comments";
import type { FormState } from "@/lib/forms/form-state";
import {
  BAN_HOURS,
  COMMENT_STATUS_LABELS,
  DECISION_LABELS,
  DECISIONS,
  banHoursLabel,
  type CommentStatus,
} from "@/lib/comments/moderation-labels";
import { FormMessage } from "../../_components/form-parts";

export interface QueueRow {
  id: number;
  nickname: string;
  body: string;
  status: string;
  time: string;
  article: { id: number; title: string; href: string };
  hasAddress: boolean;
  bannedUntil: string | null;
}

const initialState: FormState = {};
const BAN_FORM = "ban-form";

function statusLabel(status: string): string {
  return status in COMMENT_STATUS_LABELS ? COMMENT_STATUS_LABELS[status as CommentStatus] : status;
}

function BulkButtons() {
  const { pending } = useFormStatus();
  return (
    <>
      {DECISIONS.map((d) => (
        <button
          key={d}
          type="submit"
          name="decision"
          value={d}
          disabled={pending}
          className={d === "delete" ? "adm-btn adm-btn-small adm-btn-danger" : "adm-btn adm-btn-small"}
        >
          {DECISION_LABELS[d]}所选
        </button>
      ))}
    </>
  );
}

/** Checking "select all" checks every row of this page (plain DOM: the boxes are uncontrolled). */
function toggleAll(event: ChangeEvent<HTMLInputElement>) {
  const form = event.currentTarget.form;
  if (!form) return;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="ids"]'))
    box.checked = event.currentTarget.checked;
}

/**
 * Rendered even when the list is empty, so that the result of the last decision (which may have
 * emptied it) stays on screen.
 */
export function ModerationQueue({ rows, emptyText }: { rows: QueueRow[]; emptyText: string }) {
  const [state, moderate] = useActionState(moderateCommentsAction, initialState);
  const [banState, ban] = useActionState(banAddressAction, initialState);
  return (
    <>
      <form id={BAN_FORM} action={ban} className="adm-ban-bar" aria-label="封禁设置">
        <label htmlFor="ban-hours">封禁时长</label>
        <select id="ban-hours" name="hours" defaultValue="24">
          {BAN_HOURS.map((h) => (
            <option key={h} value={h}>
              {banHoursLabel(h)}
            </option>
          ))}
        </select>
        <label className="adm-check">
          <input type="checkbox" name="rejectPending" defaultChecked />
          同时拒绝该地址的待审核评论
        </label>
        <span className="adm-muted">点击某条评论的“封禁地址”生效；封禁期间该地址无法发表评论。</span>
        <FormMessage message={banState.message} ok={banState.ok} />
      </form>

      <form action={moderate} aria-label="评论审核">
        <FormMessage message={state.message} ok={state.ok} />
        {rows.length === 0 ? <p className="adm-muted">{emptyText}</p> : null}
        <div className="adm-bulk-bar" hidden={rows.length === 0}>
          <label className="adm-check">
            <input type="checkbox" onChange={toggleAll} aria-label="全选本页评论" />
            全选
          </label>
          <BulkButtons />
        </div>
        <div className="adm-table-wrap" hidden={rows.length === 0}>
          <table className="admin-table adm-stacked">
            <thead>
              <tr>
                <th scope="col">
                  <span className="adm-visually-hidden">选择</span>
                </th>
                <th scope="col">评论内容</th>
                <th scope="col">昵称</th>
                <th scope="col">稿件</th>
                <th scope="col">时间</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td data-label="选择">
                    <input type="checkbox" name="ids" value={c.id} aria-label={`选择评论 #${c.id}`} />
                  </td>
                  <td data-label="评论内容">
                    {/* Text only: React escapes it, so markup typed by a reader shows as typed. */}
                    <p className="adm-comment-body">{c.body}</p>
                  </td>
                  <td data-label="昵称">{c.nickname}</td>
                  <td data-label="稿件">
                    <a href={c.article.href} target="_blank" rel="noopener">
                      {c.article.title}
                    </a>
                  </td>
                  <td data-label="时间">{c.time}</td>
                  <td data-label="状态">
                    <span className={`adm-status adm-status-${c.status}`}>{statusLabel(c.status)}</span>
                    {c.bannedUntil ? <p className="adm-detail">地址封禁至 {c.bannedUntil}</p> : null}
                  </td>
                  <td data-label="操作">
                    <div className="adm-row-actions">
                      {c.status !== "approved" ? (
                        <button
                          type="submit"
                          name="row"
                          value={`approve:${c.id}`}
                          className="adm-btn adm-btn-small"
                          aria-label={`通过评论 #${c.id}`}
                        >
                          通过
                        </button>
                      ) : null}
                      {c.status !== "rejected" ? (
                        <button
                          type="submit"
                          name="row"
                          value={`reject:${c.id}`}
                          className="adm-btn adm-btn-small"
                          aria-label={`拒绝评论 #${c.id}`}
                        >
                          拒绝
                        </button>
                      ) : null}
                      <button
                        type="submit"
                        name="row"
                        value={`delete:${c.id}`}
                        className="adm-btn adm-btn-small adm-btn-danger"
                        aria-label={`删除评论 #${c.id}`}
                      >
                        删除
                      </button>
                      <button
                        type="submit"
                        form={BAN_FORM}
                        name="commentId"
                        value={c.id}
                        className="adm-btn adm-btn-small adm-btn-danger"
                        disabled={!c.hasAddress}
                        aria-label={`封禁评论 #${c.id} 的来源地址`}
                      >
                        封禁地址
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </form>
    </>
  );
}
