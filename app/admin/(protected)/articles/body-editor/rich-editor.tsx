"use client";
// The body editor (Tiptap 3, ProseMirror): loaded only by the article form (body-field.tsx imports
// it with next/dynamic), so no reader page carries its JavaScript. It writes HTML of the stored
// schema (lib/body/schema.ts; the server's normalizeBody is the gate) through onChange.
import { useContext, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { CharacterCount, Placeholder } from "@tiptap/extensions";
import type { AdminImage } from "@/lib/data/admin-images";
import { cleanPastedHtmlWithReport } from "@/lib/body/import/paste";
import { RecentImagePicker } from "../../../_components/image-upload";
import { FormReadOnly } from "../autosave/read-only";
import { Figure } from "./figure-node";

const UPLOAD_URL = "/admin/api/images";
const MARKDOWN_URL = "/admin/api/body/markdown";

type UploadAnswer = { ok: true; image: AdminImage } | { ok: false; message: string };

/** Sends one image file to the upload endpoint (the lead image's checks); the stored image or why not. */
async function uploadImageFile(file: File, alt: string, caption: string): Promise<UploadAnswer> {
  const body = new FormData();
  body.set("file", file);
  body.set("alt", alt);
  body.set("caption", caption);
  try {
    const response = await fetch(UPLOAD_URL, { method: "POST", body });
    const answer = (await response.json().catch(() => null)) as UploadAnswer | null;
    return answer ?? { ok: false, message: `上传失败（${response.status}），请重试` };
  } catch {
    return { ok: false, message: "上传失败，请检查网络后重试" };
  }
}

const imageFiles = (list: FileList | null | undefined): File[] =>
  [...(list ?? [])].filter((f) => /^image\/(jpeg|png|webp)$/.test(f.type));

export interface RichEditorProps {
  /** The body to start from (stored form, or what was typed before a refused save). */
  initialHtml: string;
  onChange: (html: string) => void;
  recentImages: AdminImage[];
  labelledBy: string;
  describedBy: string;
  invalid: boolean;
}

interface ToolButton {
  key: string;
  label: string;
  text: string;
  shortcut?: string;
  run: (e: Editor) => void;
  active?: (e: Editor) => boolean;
  enabled?: (e: Editor) => boolean;
}

const BUTTONS: ToolButton[][] = [
  [
    {
      key: "p",
      label: "正文段落",
      text: "段落",
      run: (e) => e.chain().focus().setParagraph().run(),
      active: (e) => e.isActive("paragraph"),
    },
    {
      key: "h2",
      label: "小标题",
      text: "小标题",
      shortcut: "Ctrl+Alt+2",
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
      active: (e) => e.isActive("heading", { level: 2 }),
    },
    {
      key: "h3",
      label: "三级小标题",
      text: "三级",
      shortcut: "Ctrl+Alt+3",
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
      active: (e) => e.isActive("heading", { level: 3 }),
    },
  ],
  [
    {
      key: "bold",
      label: "加粗",
      text: "B",
      shortcut: "Ctrl+B",
      run: (e) => e.chain().focus().toggleBold().run(),
      active: (e) => e.isActive("bold"),
    },
    {
      key: "italic",
      label: "斜体",
      text: "I",
      shortcut: "Ctrl+I",
      run: (e) => e.chain().focus().toggleItalic().run(),
      active: (e) => e.isActive("italic"),
    },
    {
      key: "strike",
      label: "删除线",
      text: "S",
      shortcut: "Ctrl+Shift+S",
      run: (e) => e.chain().focus().toggleStrike().run(),
      active: (e) => e.isActive("strike"),
    },
  ],
  [
    {
      key: "quote",
      label: "引用",
      text: "引用",
      shortcut: "Ctrl+Shift+B",
      run: (e) => e.chain().focus().toggleBlockquote().run(),
      active: (e) => e.isActive("blockquote"),
    },
    {
      key: "ul",
      label: "无序列表",
      text: "• 列表",
      shortcut: "Ctrl+Shift+8",
      run: (e) => e.chain().focus().toggleBulletList().run(),
      active: (e) => e.isActive("bulletList"),
    },
    {
      key: "ol",
      label: "有序列表",
      text: "1. 列表",
      shortcut: "Ctrl+Shift+7",
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      active: (e) => e.isActive("orderedList"),
    },
    { key: "hr", label: "分隔线", text: "分隔线", run: (e) => e.chain().focus().setHorizontalRule().run() },
  ],
  [
    {
      key: "table",
      label: "插入表格",
      text: "表格",
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      enabled: (e) => !e.isActive("table"),
    },
    {
      key: "row",
      label: "表格下方加一行",
      text: "+行",
      run: (e) => e.chain().focus().addRowAfter().run(),
      enabled: (e) => e.isActive("table"),
    },
    {
      key: "col",
      label: "表格右侧加一列",
      text: "+列",
      run: (e) => e.chain().focus().addColumnAfter().run(),
      enabled: (e) => e.isActive("table"),
    },
    {
      key: "delrow",
      label: "删除当前行",
      text: "−行",
      run: (e) => e.chain().focus().deleteRow().run(),
      enabled: (e) => e.isActive("table"),
    },
    {
      key: "delcol",
      label: "删除当前列",
      text: "−列",
      run: (e) => e.chain().focus().deleteColumn().run(),
      enabled: (e) => e.isActive("table"),
    },
    {
      key: "deltable",
      label: "删除表格",
      text: "删表",
      run: (e) => e.chain().focus().deleteTable().run(),
      enabled: (e) => e.isActive("table"),
    },
  ],
  [
    {
      key: "undo",
      label: "撤销",
      text: "↶",
      shortcut: "Ctrl+Z",
      run: (e) => e.chain().focus().undo().run(),
      enabled: (e) => e.can().undo(),
    },
    {
      key: "redo",
      label: "重做",
      text: "↷",
      shortcut: "Ctrl+Shift+Z",
      run: (e) => e.chain().focus().redo().run(),
      enabled: (e) => e.can().redo(),
    },
  ],
];

/** The editable area's attributes: a labelled multi-line text box. */
function contentAttributes(
  labelledBy: string,
  describedBy: string,
  invalid: boolean,
  readOnly: boolean,
): Record<string, string> {
  return {
    class: "story-body adm-ed-content",
    role: "textbox",
    "aria-multiline": "true",
    "aria-labelledby": labelledBy,
    "aria-describedby": describedBy,
    ...(invalid ? { "aria-invalid": "true" } : {}),
    ...(readOnly ? { "aria-readonly": "true" } : {}),
  };
}

/** Arrow keys move between the toolbar's buttons (one tab stop: the WAI-ARIA toolbar pattern). */
function toolbarKeys(event: ReactKeyboardEvent<HTMLDivElement>): void {
  const keys = ["ArrowLeft", "ArrowRight", "Home", "End"];
  if (!keys.includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  const next =
    event.key === "Home"
      ? 0
      : event.key === "End"
        ? buttons.length - 1
        : (at + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
  buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
  buttons[next]?.focus();
}

export default function RichEditor({
  initialHtml,
  onChange,
  recentImages,
  labelledBy,
  describedBy,
  invalid,
}: RichEditorProps) {
  const [panel, setPanel] = useState<"none" | "image" | "link">("none");
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const [linkHref, setLinkHref] = useState("");
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [uploading, setUploading] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [markdown, setMarkdown] = useState("");
  const [converting, setConverting] = useState(false);
  const lastEmitted = useRef(initialHtml);
  const editorRef = useRef<Editor | null>(null);

  /** Uploads pasted or dropped image files and inserts each at `pos` (or the selection). */
  const insertFiles = async (files: File[], pos?: number) => {
    setStatus({ text: `正在上传 ${files.length} 张图片…`, ok: true });
    let at = pos;
    for (const file of files) {
      const answer = await uploadImageFile(file, "", "");
      const editor = editorRef.current;
      if (!answer.ok) return setStatus({ text: answer.message, ok: false });
      if (!editor) return;
      const figure = {
        type: "figure",
        attrs: {
          src: answer.image.src,
          alt: answer.image.alt,
          width: answer.image.width,
          height: answer.image.height,
        },
      };
      if (at === undefined) editor.chain().focus().insertContent(figure).run();
      else {
        editor.chain().insertContentAt(at, figure).run();
        at += 1;
      }
    }
    setStatus({ text: "图片已上传并插入正文，请填写替代文字和图片说明", ok: true });
  };

  const readOnly = useContext(FormReadOnly);
  const editor = useEditor({
    immediatelyRender: false,
    editable: !readOnly,
    shouldRerenderOnTransaction: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        codeBlock: false,
        underline: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["mailto"] },
      }),
      TableKit.configure({ table: { resizable: false } }),
      Figure,
      CharacterCount,
      Placeholder.configure({ placeholder: "在这里写正文。可以直接粘贴 Word、WPS 或网页的内容。" }),
    ],
    content: initialHtml,
    editorProps: {
      attributes: contentAttributes(labelledBy, describedBy, invalid, readOnly),
      // Word, WPS and web pages: structure kept, fonts, colours, comments and tracked deletions
      // dropped (lib/body/import/paste.ts). Word's own pictures cannot come along: say so.
      transformPastedHTML: (pasted) => {
        const { html, droppedImages } = cleanPastedHtmlWithReport(pasted);
        if (droppedImages > 0) {
          setStatus({
            text: `粘贴内容中有 ${droppedImages} 张图片无法带入（Word 中的图片存于本机临时文件），请用“图片”按钮上传。`,
            ok: false,
          });
        }
        return html;
      },
      handlePaste: (_view, event) => {
        const files = imageFiles(event.clipboardData?.files);
        if (files.length === 0) return false;
        event.preventDefault();
        void insertFiles(files);
        return true;
      },
      handleDrop: (view, event) => {
        const files = imageFiles(event.dataTransfer?.files);
        if (files.length === 0) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        void insertFiles(files, pos);
        return true;
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = e.getHTML();
      lastEmitted.current = html;
      onChange(html);
    },
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  // Someone else took the edit lock, or gave it up: the body follows the rest of the form.
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  // A refused save marks the body invalid (or no longer); the lock makes it read-only (or no longer).
  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: contentAttributes(labelledBy, describedBy, invalid, readOnly),
      },
    });
  }, [editor, labelledBy, describedBy, invalid, readOnly]);

  // A body sent back by the server that is not what the editor holds (a revision restored in
  // another tab and reloaded, the stored form after a save): show it.
  useEffect(() => {
    if (!editor || initialHtml === lastEmitted.current) return;
    lastEmitted.current = initialHtml;
    editor.commands.setContent(initialHtml, { emitUpdate: false });
  }, [editor, initialHtml]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            active: Object.fromEntries(BUTTONS.flat().map((b) => [b.key, b.active?.(e) ?? false])),
            enabled: Object.fromEntries(BUTTONS.flat().map((b) => [b.key, b.enabled?.(e) ?? true])),
            link: e.isActive("link"),
            chars: (e.storage.characterCount as { characters: () => number }).characters(),
          }
        : null,
  });

  const openLink = () => {
    if (!editor) return;
    setLinkHref((editor.getAttributes("link").href as string | undefined) ?? "");
    setPanel(panel === "link" ? "none" : "link");
  };
  const applyLink = () => {
    if (!editor) return;
    const href = linkHref.trim();
    if (href === "") editor.chain().focus().extendMarkRange("link").unsetLink().run();
    else if (!/^(https?:\/\/|mailto:|\/)/i.test(href))
      return setStatus({ text: "链接地址须以 http://、https://、mailto: 或 / 开头", ok: false });
    else editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    setStatus(null);
    setPanel("none");
  };

  const insertPicked = (img: AdminImage) => {
    if (!editor) return;
    editor
      .chain()
      .focus()
      .insertFigure({
        src: img.src,
        alt: alt.trim() || img.alt,
        width: img.width,
        height: img.height,
        caption: caption.trim() || img.caption,
      })
      .run();
    setAlt("");
    setCaption("");
    setPanel("none");
    setStatus({ text: "已从图库插入图片", ok: true });
  };

  const uploadChosen = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setStatus({ text: "请先选择图片文件", ok: false });
    if (alt.trim() === "") return setStatus({ text: "请填写替代文字（描述图片内容）", ok: false });
    setUploading(true);
    const answer = await uploadImageFile(file, alt, caption);
    setUploading(false);
    if (!answer.ok) return setStatus({ text: answer.message, ok: false });
    insertPicked({ ...answer.image, alt: alt.trim(), caption: caption.trim() });
    if (fileRef.current) fileRef.current.value = "";
    setStatus({ text: "图片已上传并插入正文", ok: true });
  };

  const convertMarkdown = async () => {
    if (!editor || markdown.trim() === "") return;
    setConverting(true);
    try {
      const response = await fetch(MARKDOWN_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ markdown }),
      });
      const answer = (await response.json().catch(() => null)) as {
        ok: boolean;
        html?: string;
        message?: string;
      } | null;
      if (!answer?.ok || answer.html === undefined) {
        setStatus({ text: answer?.message ?? `转换失败（${response.status}），请重试`, ok: false });
        return;
      }
      editor.chain().focus().insertContent(answer.html).run();
      setMarkdown("");
      dialogRef.current?.close();
      setStatus({ text: "Markdown 已转换并插入正文", ok: true });
    } catch {
      setStatus({ text: "转换失败，请检查网络后重试", ok: false });
    } finally {
      setConverting(false);
    }
  };

  return (
    <div className="adm-ed">
      <div
        className="adm-ed-toolbar"
        role="toolbar"
        aria-label="正文格式"
        aria-controls="article-body-editor"
        onKeyDown={toolbarKeys}
      >
        {BUTTONS.map((group, gi) => (
          <div className="adm-ed-group" key={gi}>
            {group.map((b) => {
              // One tab stop: the first button (toolbarKeys moves it).
              const tabIndex = b === BUTTONS[0]?.[0] ? 0 : -1;
              return (
                <button
                  key={b.key}
                  type="button"
                  className="adm-ed-btn"
                  tabIndex={tabIndex}
                  aria-label={b.label}
                  title={b.shortcut ? `${b.label}（${b.shortcut}）` : b.label}
                  aria-keyshortcuts={b.shortcut?.replace("Ctrl", "Control")}
                  aria-pressed={b.active ? Boolean(state?.active[b.key]) : undefined}
                  disabled={!editor || state?.enabled[b.key] === false}
                  onClick={() => editor && b.run(editor)}
                >
                  {b.text}
                </button>
              );
            })}
          </div>
        ))}
        <div className="adm-ed-group">
          <button
            type="button"
            className="adm-ed-btn"
            tabIndex={-1}
            aria-label="链接"
            title="链接"
            aria-pressed={Boolean(state?.link)}
            aria-expanded={panel === "link"}
            disabled={!editor}
            onClick={openLink}
          >
            链接
          </button>
          <button
            type="button"
            className="adm-ed-btn"
            tabIndex={-1}
            aria-label="插入图片"
            aria-expanded={panel === "image"}
            disabled={!editor}
            onClick={() => setPanel(panel === "image" ? "none" : "image")}
          >
            图片
          </button>
          <button
            type="button"
            className="adm-ed-btn"
            tabIndex={-1}
            aria-label="粘贴 Markdown"
            disabled={!editor}
            onClick={() => dialogRef.current?.showModal()}
          >
            粘贴 Markdown
          </button>
        </div>
      </div>

      {panel === "link" ? (
        <div className="adm-ed-panel" role="group" aria-label="链接">
          <label htmlFor="body-link-href">链接地址</label>
          <input
            id="body-link-href"
            type="url"
            value={linkHref}
            placeholder="https://"
            onChange={(e) => setLinkHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              }
            }}
          />
          <button type="button" className="adm-btn adm-btn-small" onClick={applyLink}>
            {linkHref.trim() === "" ? "移除链接" : "确定"}
          </button>
          <button type="button" className="adm-btn adm-btn-small" onClick={() => setPanel("none")}>
            取消
          </button>
        </div>
      ) : null}

      {panel === "image" ? (
        <div className="adm-ed-panel adm-ed-image-panel" role="group" aria-label="插入图片">
          <div className="adm-field">
            <label htmlFor="body-image-alt">替代文字</label>
            <input
              id="body-image-alt"
              type="text"
              value={alt}
              maxLength={200}
              onChange={(e) => setAlt(e.target.value)}
            />
          </div>
          <div className="adm-field">
            <label htmlFor="body-image-caption">图片说明</label>
            <input
              id="body-image-caption"
              type="text"
              value={caption}
              maxLength={300}
              onChange={(e) => setCaption(e.target.value)}
            />
          </div>
          <div className="adm-upload-row">
            <label htmlFor="body-image-file">图片文件</label>
            <input id="body-image-file" ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp" />
            <button
              type="button"
              className="adm-btn adm-btn-small"
              onClick={uploadChosen}
              disabled={uploading}
            >
              {uploading ? "正在上传…" : "上传并插入"}
            </button>
          </div>
          <p className="adm-field-hint">JPEG、PNG 或 WebP，不超过 8 MB。也可以把图片直接粘贴或拖进正文。</p>
          <RecentImagePicker images={recentImages} selectedId={null} onPick={insertPicked} />
        </div>
      ) : null}

      <EditorContent editor={editor} id="article-body-editor" className="adm-ed-area" />

      <div className="adm-ed-footer">
        <span aria-live="polite" className={status?.ok === false ? "adm-field-error" : "adm-muted"}>
          {status?.text}
        </span>
        <span className="adm-muted" aria-live="off">
          字数：<span data-testid="body-char-count">{state?.chars ?? 0}</span>
        </span>
      </div>

      <dialog ref={dialogRef} className="adm-ed-dialog" aria-labelledby="body-markdown-title">
        <h2 id="body-markdown-title">粘贴 Markdown</h2>
        <label htmlFor="body-markdown">Markdown 文本（**加粗**、## 小标题、- 列表、| 表格 |）</label>
        <textarea
          id="body-markdown"
          rows={10}
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
        />
        <div className="adm-button-row">
          <button
            type="button"
            className="adm-btn adm-btn-primary"
            onClick={convertMarkdown}
            disabled={converting}
          >
            {converting ? "正在转换…" : "转换并插入"}
          </button>
          <button type="button" className="adm-btn" onClick={() => dialogRef.current?.close()}>
            取消
          </button>
        </div>
      </dialog>
    </div>
  );
}
