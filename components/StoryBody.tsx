import { USER_HTML_CLASS } from "@/lib/security/user-html";

/**
 * A story's body as readers see it: the sanitized HTML rendered when it was saved
 * (lib/body/render.ts). The reader page and the editor's live preview both show it through this.
 */
export function StoryBody({ html }: { html: string }) {
  return <div className={USER_HTML_CLASS} dangerouslySetInnerHTML={{ __html: html }} />;
}
