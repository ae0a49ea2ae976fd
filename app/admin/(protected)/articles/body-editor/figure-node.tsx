"use client";
// The body's image: a <figure> holding the image and an editable caption, with its alt text in
// an attribute edited beside the image. Written as lib/body/schema.ts stores it:
// <figure><img src alt width height><figcaption>…</figcaption></figure>. A bare <img> (pasted,
// or an older body) is read as a figure without caption.
import { Node, mergeAttributes } from "@tiptap/core";
import {
  NodeViewContent,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  type ReactNodeViewProps,
} from "@tiptap/react";

export interface FigureAttrs {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      /** Insert an image with its caption at the selection. */
      insertFigure: (attrs: FigureAttrs & { caption: string }) => ReturnType;
    };
  }
}

function imageOf(el: HTMLElement): HTMLImageElement | null {
  return el.tagName === "IMG" ? (el as HTMLImageElement) : el.querySelector("img");
}

/**
 * An image worth keeping: a path on the site, or another site's http(s) address (which the save
 * refuses by name, so the editor can see what to replace). Anything else (src="x", data:,
 * javascript:) is dropped when pasted.
 */
function usable(el: HTMLElement): boolean {
  const src = imageOf(el)?.getAttribute("src")?.trim() ?? "";
  return /^\/(?![/\\])/.test(src) || /^(https?:)?\/\//i.test(src);
}

function size(value: string | null | undefined): number | null {
  return value && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

function FigureView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as FigureAttrs;
  return (
    <NodeViewWrapper as="figure" className={`adm-ed-figure${selected ? " is-selected" : ""}`}>
      <div contentEditable={false} className="adm-ed-figure-media">
        {/^\/(?![/\\])/.test(attrs.src) ? (
          // eslint-disable-next-line @next/next/no-img-element -- an upload's derivative, in the editor
          <img
            src={attrs.src}
            alt={attrs.alt}
            width={attrs.width ?? undefined}
            height={attrs.height ?? undefined}
          />
        ) : (
          // Another site's image is never loaded (it would learn the editor's address): its
          // address is shown, and the save says what to do with it.
          <p className="adm-ed-offsite" role="note">
            其他网站的图片（不会显示）：{attrs.src}
          </p>
        )}
        <label className="adm-ed-alt">
          替代文字
          <input
            type="text"
            value={attrs.alt}
            maxLength={200}
            placeholder="描述图片内容（必填）"
            aria-invalid={attrs.alt.trim() === "" ? true : undefined}
            onChange={(e) => updateAttributes({ alt: e.target.value })}
          />
        </label>
        <span className="adm-ed-caption-label" aria-hidden="true">
          图片说明：
        </span>
      </div>
      <NodeViewContent<"figcaption"> as="figcaption" className="adm-ed-caption" aria-label="图片说明" />
    </NodeViewWrapper>
  );
}

export const Figure = Node.create({
  name: "figure",
  group: "block",
  content: "inline*",
  draggable: true,
  isolating: true,

  addAttributes() {
    return {
      src: { default: "", parseHTML: (el) => imageOf(el)?.getAttribute("src") ?? "" },
      alt: { default: "", parseHTML: (el) => imageOf(el)?.getAttribute("alt") ?? "" },
      width: { default: null, parseHTML: (el) => size(imageOf(el)?.getAttribute("width")) },
      height: { default: null, parseHTML: (el) => size(imageOf(el)?.getAttribute("height")) },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure",
        // A figure without a caption (the stored form allows it; Word and .docx imports give
        // them) reads as one with an empty caption.
        contentElement: (el) =>
          (el as HTMLElement).querySelector("figcaption") ?? el.ownerDocument!.createElement("figcaption"),
        getAttrs: (el) => (usable(el) ? null : false),
      },
      { tag: "img[src]", getAttrs: (el) => (usable(el) ? null : false) },
    ];
  },

  renderHTML({ node }) {
    const a = node.attrs as FigureAttrs;
    const img = mergeAttributes(
      { src: a.src, alt: a.alt },
      a.width && a.height ? { width: String(a.width), height: String(a.height) } : {},
    );
    return ["figure", ["img", img], ["figcaption", 0]];
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },

  addCommands() {
    return {
      insertFigure:
        ({ caption, ...attrs }) =>
        ({ commands }) =>
          // A paragraph after it, where typing goes on (an empty one is dropped on save).
          commands.insertContent([
            { type: this.name, attrs, content: caption ? [{ type: "text", text: caption }] : [] },
            { type: "paragraph" },
          ]),
    };
  },

  addKeyboardShortcuts() {
    return {
      // Enter in a caption leaves the figure for a new paragraph below (never a second figure).
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== this.name) return false;
        const after = $from.after();
        return editor
          .chain()
          .insertContentAt(after, { type: "paragraph" })
          .setTextSelection(after + 1)
          .run();
      },
    };
  },
});
