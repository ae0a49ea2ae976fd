import type { ArticleFieldErrors } from "@/lib/articles/form";
import { FieldError } from "../../_components/form-parts";

interface Props {
  /** The form's value (datetime-local, Beijing time) or "". */
  value: string;
  errors: ArticleFieldErrors;
  /** Reviewers in the story's channel may set it; others send the stored value back unchanged. */
  editable: boolean;
}

/**
 * 撤稿时间 (定时撤稿) beside the publish time. The server decides who may change it and checks the
 * time (lib/articles/publication.ts decideUnpublishAt); a reporter's form only shows it.
 */
export function UnpublishField({ value, errors, editable }: Props) {
  if (!editable) {
    return (
      <>
        <input type="hidden" name="unpublishAt" value={value} />
        {value ? <p className="adm-field-hint">定时撤稿：{value.replace("T", " ")}（北京时间）</p> : null}
        <FieldError id="article-unpublish-at-error" errors={errors.unpublishAt} />
      </>
    );
  }
  return (
    <div className="adm-field">
      <label htmlFor="article-unpublish-at">撤稿时间（北京时间，可不填）</label>
      <input
        id="article-unpublish-at"
        name="unpublishAt"
        type="datetime-local"
        defaultValue={value}
        aria-invalid={errors.unpublishAt ? true : undefined}
        aria-describedby="article-unpublish-at-hint article-unpublish-at-error"
      />
      <p id="article-unpublish-at-hint" className="adm-field-hint">
        定时撤稿：到这个时间起读者不再看到这篇稿件，须晚于发布时间；清空后保存即取消。
      </p>
      <FieldError id="article-unpublish-at-error" errors={errors.unpublishAt} />
    </div>
  );
}
