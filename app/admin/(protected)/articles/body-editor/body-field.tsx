"use client";
// The body of the article form: the rich-text editor (its JavaScript loaded only here, by
// next/dynamic) writing the stored HTML into a hidden `body` input that the form posts, and the
// live preview (preview.ts) beside it on wide screens, on a tab on narrow ones.
import dynamic from "next/dynamic";
import { useState } from "react";
import type { AdminImage } from "@/lib/data/admin-images";
import { StoryBody } from "@/components/StoryBody";
import { DocxImportButton, type DocxImported } from "../../../_components/docx-import-button";
import { FieldError } from "../../../_components/form-parts";
import { useLivePreview } from "./preview";

const RichEditor = dynamic(() => import("./rich-editor"), {
  ssr: false,
  loading: () => <p className="adm-muted adm-ed-loading">正在加载编辑器…</p>,
});

interface Props {
  /** The stored body, or what the editor typed before a refused save. */
  initialBody: string;
  errors: string[] | undefined;
  recentImages: AdminImage[];
  /**
   * Offer 从 Word 文档导入 (new stories): the document's body replaces the editor's, and its
   * title is handed to `onTitle`.
   */
  onDocxTitle?: (title: string) => void;
}

export function BodyField({ initialBody, errors, recentImages, onDocxTitle }: Props) {
  const [html, setHtml] = useState(initialBody);
  // What the editor is (re)started from: the server's body, or an imported document.
  const [seed, setSeed] = useState(initialBody);
  const [shownInitial, setShownInitial] = useState(initialBody);
  // The server sent a body back (after a save or a refused one): the form shows that.
  if (initialBody !== shownInitial) {
    setShownInitial(initialBody);
    setSeed(initialBody);
    setHtml(initialBody);
  }
  const imported = ({ title, body }: DocxImported) => {
    setSeed(body);
    setHtml(body);
    if (title) onDocxTitle?.(title);
  };
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  const preview = useLivePreview(html);

  return (
    <div className="adm-field adm-body-field">
      <span id="article-body-label" className="adm-label">
        正文
      </span>
      <input type="hidden" name="body" value={html} />
      {onDocxTitle ? (
        <div className="adm-body-import">
          <DocxImportButton onImported={imported} />
        </div>
      ) : null}
      <div className="adm-body-tabs" role="tablist" aria-label="正文">
        <button
          type="button"
          role="tab"
          id="body-tab-edit"
          aria-selected={tab === "edit"}
          aria-controls="body-pane-edit"
          onClick={() => setTab("edit")}
        >
          编辑
        </button>
        <button
          type="button"
          role="tab"
          id="body-tab-preview"
          aria-selected={tab === "preview"}
          aria-controls="body-pane-preview"
          onClick={() => setTab("preview")}
        >
          预览
        </button>
      </div>
      <div className="adm-body-panes">
        <div
          className="adm-body-pane"
          id="body-pane-edit"
          role="tabpanel"
          aria-labelledby="body-tab-edit"
          data-active={tab === "edit"}
        >
          <RichEditor
            initialHtml={seed}
            onChange={setHtml}
            recentImages={recentImages}
            labelledBy="article-body-label"
            describedBy="article-body-hint article-body-error"
            invalid={Boolean(errors)}
          />
        </div>
        <section
          className="adm-body-pane adm-live-preview"
          id="body-pane-preview"
          role="tabpanel"
          aria-labelledby="body-tab-preview"
          data-active={tab === "preview"}
        >
          <p className="adm-live-preview-head">
            <strong>实时预览</strong>
            <span className="adm-muted" aria-live="polite">
              {preview.state === "updating"
                ? "正在更新…"
                : preview.state === "failed"
                  ? preview.message
                  : "与读者看到的正文相同"}
            </span>
          </p>
          <article className="story" aria-label="正文预览">
            <StoryBody html={preview.html} />
          </article>
        </section>
      </div>
      <p id="article-body-hint" className="adm-field-hint">
        工具栏可设小标题、加粗、引用、列表、链接、表格和图片；可直接粘贴 Word、WPS 或网页的内容，Markdown
        用“粘贴 Markdown”。
      </p>
      <FieldError id="article-body-error" errors={errors} />
    </div>
  );
}
