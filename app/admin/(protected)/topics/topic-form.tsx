"use client";
import { useActionState } from "react";
import { deleteTopicAction, saveTopicAction, type TopicFormState } from "@/lib/actions/admin/topics";
import type { AdminImage } from "@/lib/data/admin-images";
import {
  BLANK_SECTIONS,
  TOPIC_LIMITS,
  type SectionFormValues,
  type TopicFormValues,
} from "@/lib/topics/rules";
import { FieldError, FormMessage, SubmitButton } from "../../_components/form-parts";
import { BannerImageField } from "./banner-image-field";
import { StoryFinder } from "./story-finder";

const BLANK: SectionFormValues = { title: "", kind: "picked", stories: "", tag: "" };

/** The filled sections and a few blank ones below them (save to get more), at most the limit + blanks. */
function sectionRows(sections: SectionFormValues[]): SectionFormValues[] {
  const filled = sections.filter((s) => s.title || s.stories || s.tag);
  const blanks = Math.max(0, Math.min(BLANK_SECTIONS, TOPIC_LIMITS.sections - filled.length));
  return [...filled, ...Array.from({ length: blanks }, () => BLANK)];
}

interface Props {
  topicId: number | null;
  initial: TopicFormValues;
  image: AdminImage | null;
  recentImages: AdminImage[];
  message?: string;
}

/** Create or edit a 专题. A refusal keeps everything typed and names each field at fault. */
export function TopicForm({ topicId, initial, image, recentImages, message }: Props) {
  const [state, formAction] = useActionState(saveTopicAction, { message, ok: message ? true : undefined });
  const errors = state.errors ?? {};
  const values = state.values ?? initial;
  const rows = sectionRows(values.sections);
  // An answer with other values remounts the fields, so that they show exactly what it holds (the
  // section rows included, whose number changes with what was saved).
  const key = JSON.stringify(state.values ?? null);
  return (
    <form
      action={formAction}
      className="admin-form"
      aria-label={topicId ? "编辑专题" : "新建专题"}
      noValidate
    >
      <FormMessage message={state.message} ok={state.ok} />
      <div key={key}>
        {topicId ? <input type="hidden" name="id" value={topicId} /> : null}
        <div className="adm-field adm-field-wide">
          <label htmlFor="topic-title">专题标题</label>
          <input
            id="topic-title"
            name="title"
            type="text"
            defaultValue={values.title}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby="topic-title-error"
          />
          <FieldError id="topic-title-error" errors={errors.title} />
        </div>
        <div className="adm-field">
          <label htmlFor="topic-slug">地址（拼音）</label>
          <input
            id="topic-slug"
            name="slug"
            type="text"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={values.slug}
            aria-invalid={errors.slug ? true : undefined}
            aria-describedby="topic-slug-hint topic-slug-error"
          />
          <p id="topic-slug-hint" className="adm-field-hint">
            读者地址为 /zhuanti/地址，如 sanyuesan；发布后请勿再改。
          </p>
          <FieldError id="topic-slug-error" errors={errors.slug} />
        </div>
        <div className="adm-field adm-field-wide">
          <label htmlFor="topic-intro">简介</label>
          <textarea
            id="topic-intro"
            name="intro"
            rows={4}
            defaultValue={values.intro}
            aria-invalid={errors.intro ? true : undefined}
            aria-describedby="topic-intro-hint topic-intro-error"
          />
          <p id="topic-intro-hint" className="adm-field-hint">
            纯文字，最多 {TOPIC_LIMITS.intro} 字；空行分段。
          </p>
          <FieldError id="topic-intro-error" errors={errors.intro} />
        </div>
        <BannerImageField
          initialId={values.bannerImageId}
          initialImage={image}
          recentImages={recentImages}
          errors={errors.bannerImageId}
        />
        <fieldset className="adm-fieldset">
          <legend>发布与首页</legend>
          <label className="adm-check">
            <input type="checkbox" name="published" defaultChecked={values.published} />
            发布（读者可见）
          </label>
          <label className="adm-check">
            <input type="checkbox" name="featuredOnHome" defaultChecked={values.featuredOnHome} />
            在首页专题栏显示
          </label>
          <div className="adm-field">
            <label htmlFor="topic-home-order">首页顺序（小的在前）</label>
            <input
              id="topic-home-order"
              name="homeOrder"
              type="text"
              inputMode="numeric"
              defaultValue={values.homeOrder}
              aria-invalid={errors.homeOrder ? true : undefined}
              aria-describedby="topic-home-order-error"
            />
            <FieldError id="topic-home-order-error" errors={errors.homeOrder} />
          </div>
        </fieldset>
        <h2>栏目</h2>
        <p className="adm-field-hint">
          每个栏目可以手选稿件（按填写顺序显示），或显示某个标签的全部稿件（最新的在前）。最多{" "}
          {TOPIC_LIMITS.sections} 个栏目；留空的栏目不保存，保存后会再出现空栏目。
        </p>
        <FieldError id="topic-sections-error" errors={errors.sections} />
        <StoryFinder sections={rows.length} />
        {rows.map((s, i) => (
          <fieldset className="adm-fieldset" key={i}>
            <legend>栏目 {i + 1}</legend>
            <div className="adm-field adm-field-wide">
              <label htmlFor={`topic-s${i}-title`}>栏目 {i + 1} 标题</label>
              <input
                id={`topic-s${i}-title`}
                name={`s${i}.title`}
                type="text"
                defaultValue={s.title}
                aria-invalid={errors[`s${i}.title`] ? true : undefined}
                aria-describedby={`topic-s${i}-title-error`}
              />
              <FieldError id={`topic-s${i}-title-error`} errors={errors[`s${i}.title`]} />
            </div>
            <div className="adm-button-row" role="radiogroup" aria-label={`栏目 ${i + 1} 内容`}>
              <label className="adm-check">
                <input
                  type="radio"
                  id={`topic-s${i}-kind-picked`}
                  name={`s${i}.kind`}
                  value="picked"
                  defaultChecked={s.kind === "picked"}
                />
                手选稿件
              </label>
              <label className="adm-check">
                <input type="radio" name={`s${i}.kind`} value="tag" defaultChecked={s.kind === "tag"} />
                按标签
              </label>
            </div>
            <div className="adm-field adm-field-wide">
              <label htmlFor={`topic-s${i}-stories`}>栏目 {i + 1} 稿件（手选）</label>
              <textarea
                id={`topic-s${i}-stories`}
                name={`s${i}.stories`}
                rows={3}
                defaultValue={s.stories}
                aria-invalid={errors[`s${i}.stories`] ? true : undefined}
                aria-describedby={`topic-s${i}-stories-hint topic-s${i}-stories-error`}
              />
              <p id={`topic-s${i}-stories-hint`} className="adm-field-hint">
                稿件编号或地址，每行一个（或用逗号、空格分开），按显示顺序；最多 {TOPIC_LIMITS.picked} 篇。
              </p>
              <FieldError id={`topic-s${i}-stories-error`} errors={errors[`s${i}.stories`]} />
            </div>
            <div className="adm-field">
              <label htmlFor={`topic-s${i}-tag`}>栏目 {i + 1} 标签（按标签）</label>
              <input
                id={`topic-s${i}-tag`}
                name={`s${i}.tag`}
                type="text"
                defaultValue={s.tag}
                aria-invalid={errors[`s${i}.tag`] ? true : undefined}
                aria-describedby={`topic-s${i}-tag-error`}
              />
              <FieldError id={`topic-s${i}-tag-error`} errors={errors[`s${i}.tag`]} />
            </div>
          </fieldset>
        ))}
      </div>
      <div className="adm-form-actions">
        <SubmitButton pendingText="正在保存…">{topicId ? "保存专题" : "创建专题"}</SubmitButton>
      </div>
    </form>
  );
}

/** Delete a topic (its stories stay), after ticking the confirmation. */
export function DeleteTopicForm({ topicId, title }: { topicId: number; title: string }) {
  const [state, formAction] = useActionState(deleteTopicAction, {} as TopicFormState);
  return (
    <form action={formAction} className="adm-inline-form" aria-label="删除专题">
      <input type="hidden" name="id" value={topicId} />
      <FormMessage message={state.message} ok={state.ok} />
      <label className="adm-check">
        <input type="checkbox" name="confirm" />
        确认删除专题《{title}》（稿件本身不受影响）
      </label>
      <SubmitButton className="adm-btn adm-btn-danger" pendingText="正在删除…">
        删除专题
      </SubmitButton>
    </form>
  );
}
