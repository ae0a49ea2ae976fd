"use client";
import { useActionState, useRef } from "react";
import { useFormStatus } from "react-dom";
import { saveArticleAction } from "@/lib/actions/articles/save-article";
import type { ArticleFormState } from "@/lib/articles/form-state";
import type { ArticleFormValues } from "@/lib/articles/form";
import { LIMITS } from "@/lib/articles/limits";
import type { FormButton } from "@/lib/workflow/buttons";
import type { ChannelOption } from "@/lib/data/admin-articles";
import type { AdminImage } from "@/lib/data/admin-images";
import { FieldError, FormMessage } from "../../_components/form-parts";
import { SensitiveHits } from "../../_components/sensitive-hits";
import { LeadImageField } from "./lead-image-field";
import { BodyField } from "./body-editor/body-field";
import { UnpublishField } from "./unpublish-field";

interface Props {
  articleId: number | null;
  initialValues: ArticleFormValues;
  /** updatedAt (ms) of the loaded row; null for a new story. */
  initialVersion: number | null;
  /** What this person may do with this story (lib/workflow/buttons.ts); none: read only. */
  buttons: FormButton[];
  channels: ChannelOption[];
  recentImages: AdminImage[];
  initialImage: AdminImage | null;
  /** May set or clear 撤稿时间 (reviewers in the story's channel). */
  canScheduleUnpublish?: boolean;
}

const initialState: ArticleFormState = {};

function ActionButtons({ buttons }: { buttons: FormButton[] }) {
  const { pending } = useFormStatus();
  if (buttons.length === 0) return null;
  return (
    <div className="adm-form-actions adm-button-row">
      {buttons.map((b) => (
        <button
          key={b.intent}
          type="submit"
          name="intent"
          value={b.intent}
          disabled={pending}
          className={
            b.primary
              ? "adm-btn adm-btn-primary"
              : b.intent === "unpublish"
                ? "adm-btn adm-btn-danger"
                : "adm-btn"
          }
        >
          {b.label}
        </button>
      ))}
      {pending ? (
        <span className="adm-muted" role="status">
          正在保存…
        </span>
      ) : null}
    </div>
  );
}

export function ArticleForm({
  articleId,
  initialValues,
  initialVersion,
  buttons,
  channels,
  recentImages,
  initialImage,
  canScheduleUnpublish = false,
}: Props) {
  const [state, formAction] = useActionState(saveArticleAction, initialState);
  const titleRef = useRef<HTMLInputElement>(null);
  const errors = state.errors ?? {};
  // After any submit the form shows what the server sent back: the editor's own input after a
  // refusal, the saved values after a save. React resets the fields to these defaults.
  const values = state.values ?? initialValues;
  const version = state.version ?? initialVersion;
  const invalid = (f: keyof ArticleFormValues) => (errors[f] ? true : undefined);
  return (
    <form action={formAction} className="admin-form adm-article-form" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="id" value={articleId ?? ""} />
      <input type="hidden" name="version" value={version ?? ""} />

      <div className="adm-field">
        <label htmlFor="article-channel">频道</label>
        <select
          id="article-channel"
          name="channelId"
          key={`channel-${values.channelId}`}
          defaultValue={values.channelId}
          required
          aria-invalid={invalid("channelId")}
          aria-describedby="article-channel-error"
        >
          <option value="">请选择频道</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="article-channel-error" errors={errors.channelId} />
      </div>

      <div className="adm-field">
        <label htmlFor="article-title">标题</label>
        <input
          ref={titleRef}
          id="article-title"
          name="title"
          type="text"
          required
          maxLength={LIMITS.title * 2}
          defaultValue={values.title}
          aria-invalid={invalid("title")}
          aria-describedby="article-title-error"
        />
        <FieldError id="article-title-error" errors={errors.title} />
      </div>

      <div className="adm-field">
        <label htmlFor="article-summary">摘要</label>
        <textarea
          id="article-summary"
          name="summary"
          rows={3}
          defaultValue={values.summary}
          aria-invalid={invalid("summary")}
          aria-describedby="article-summary-hint article-summary-error"
        />
        <p id="article-summary-hint" className="adm-field-hint">
          列表和推荐中显示，最多 {LIMITS.summary} 字；可不填。
        </p>
        <FieldError id="article-summary-error" errors={errors.summary} />
      </div>

      <BodyField
        initialBody={values.body}
        errors={errors.body}
        recentImages={recentImages}
        // A new story can start from a Word document: its title fills an empty title field.
        onDocxTitle={
          articleId === null
            ? (title) => {
                const field = titleRef.current;
                if (field && field.value.trim() === "") field.value = title;
              }
            : undefined
        }
      />

      <div className="adm-grid-2-inner">
        <div className="adm-field">
          <label htmlFor="article-source">来源</label>
          <input
            id="article-source"
            name="source"
            type="text"
            defaultValue={values.source}
            aria-invalid={invalid("source")}
            aria-describedby="article-source-hint article-source-error"
          />
          <p id="article-source-hint" className="adm-field-hint">
            如：柳州日报。不填则显示网站名称。
          </p>
          <FieldError id="article-source-error" errors={errors.source} />
        </div>
        <div className="adm-field">
          <label htmlFor="article-byline">署名</label>
          <input
            id="article-byline"
            name="byline"
            type="text"
            defaultValue={values.byline}
            aria-invalid={invalid("byline")}
            aria-describedby="article-byline-hint article-byline-error"
          />
          <p id="article-byline-hint" className="adm-field-hint">
            显示在正文下方，如：本报记者 张三
          </p>
          <FieldError id="article-byline-error" errors={errors.byline} />
        </div>
      </div>

      <div className="adm-field">
        <label htmlFor="article-tags">标签</label>
        <input
          id="article-tags"
          name="tags"
          type="text"
          defaultValue={values.tags}
          aria-invalid={invalid("tags")}
          aria-describedby="article-tags-hint article-tags-error"
        />
        <p id="article-tags-hint" className="adm-field-hint">
          用逗号或顿号分隔，如：乡村振兴、柳江
        </p>
        <FieldError id="article-tags-error" errors={errors.tags} />
      </div>

      <LeadImageField
        initialImage={initialImage}
        recentImages={recentImages}
        values={values}
        errors={errors}
      />

      <div className="adm-field">
        <label htmlFor="article-published-at">发布时间（北京时间）</label>
        <input
          id="article-published-at"
          name="publishedAt"
          type="datetime-local"
          defaultValue={values.publishedAt}
          aria-invalid={invalid("publishedAt")}
          aria-describedby="article-published-at-hint article-published-at-error"
        />
        <p id="article-published-at-hint" className="adm-field-hint">
          “立即发布”不填即为现在；“定时发布”填将来的时间，到时自动对读者显示。
        </p>
        <FieldError id="article-published-at-error" errors={errors.publishedAt} />
      </div>
      <UnpublishField value={values.unpublishAt} errors={errors} editable={canScheduleUnpublish} />

      <fieldset className="adm-fieldset">
        <legend>版面位置</legend>
        <label className="adm-check">
          <input
            type="checkbox"
            name="isHeadline"
            defaultChecked={values.isHeadline}
            key={`h-${values.isHeadline}`}
          />
          头条（首页头条区）
        </label>
        <label className="adm-check">
          <input
            type="checkbox"
            name="isRecommended"
            defaultChecked={values.isRecommended}
            key={`r-${values.isRecommended}`}
          />
          推荐（新闻推荐、频道推荐）
        </label>
        <label className="adm-check">
          <input
            type="checkbox"
            name="isCommunity"
            defaultChecked={values.isCommunity}
            key={`c-${values.isCommunity}`}
          />
          乡里乡亲
        </label>
      </fieldset>

      {state.sensitive ? (
        <section className="adm-panel adm-sensitive" aria-labelledby="article-sensitive-heading">
          <h2 id="article-sensitive-heading">敏感词检查</h2>
          <SensitiveHits hits={state.sensitive.hits} />
          {state.sensitive.canAcknowledge ? (
            <label className="adm-check">
              <input type="checkbox" name="acknowledgeSensitive" value="1" /> 我已核对以上敏感词，确认可以发布
            </label>
          ) : null}
        </section>
      ) : null}
      <ActionButtons buttons={buttons} />
    </form>
  );
}
