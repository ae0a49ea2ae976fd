"use client";
// "从 Word 文档导入": choose a .docx, send it to /admin/api/import/docx, hand the result to the
// form. The editor form decides what to do with it (fill an empty title, replace or append the
// body); this component only uploads and reports.
//
//   <DocxImportButton onImported={({ title, body, warnings }) => …} />
//
// `body` is in the stored form (lib/body/import/docx.ts); its images are already uploads.
// Warnings (an image refused, no title found) stay on screen under the button after an import.
import { useId, useRef, useState } from "react";

const IMPORT_URL = "/admin/api/import/docx";

export interface DocxImported {
  title: string;
  body: string;
  warnings: string[];
}

type Answer = ({ ok: true } & DocxImported) | { ok: false; message: string };

export function DocxImportButton({ onImported }: { onImported: (result: DocxImported) => void }) {
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [notes, setNotes] = useState<string[]>([]);

  const run = async () => {
    const file = fileRef.current?.files?.[0];
    setNotes([]);
    if (!file) return setError("请先选择要导入的 Word 文档（.docx）");
    const form = new FormData();
    form.set("file", file);
    setBusy(true);
    setError("");
    try {
      const response = await fetch(IMPORT_URL, { method: "POST", body: form });
      const answer = (await response.json().catch(() => null)) as Answer | null;
      if (!answer) setError(`导入失败（${response.status}），请重试`);
      else if (!answer.ok) setError(answer.message);
      else {
        setNotes(["已导入。", ...answer.warnings]);
        onImported({ title: answer.title, body: answer.body, warnings: answer.warnings });
        if (fileRef.current) fileRef.current.value = "";
      }
    } catch {
      setError("导入失败，请检查网络后重试");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="adm-docx-import">
      <label htmlFor={inputId}>从 Word 文档导入</label>{" "}
      <input
        id={inputId}
        ref={fileRef}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-describedby={`${inputId}-msg`}
      />{" "}
      <button type="button" className="adm-btn adm-btn-small" onClick={run} disabled={busy} aria-busy={busy}>
        {busy ? "正在导入…" : "导入文档"}
      </button>
      <div id={`${inputId}-msg`}>
        <p className="adm-form-message" role="alert">
          {error}
        </p>
        <p className="adm-form-message adm-ok" role="status">
          {notes.join(" ")}
        </p>
      </div>
    </div>
  );
}
