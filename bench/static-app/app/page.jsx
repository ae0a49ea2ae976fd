// The static baseline page: content.json (written by scripts/bench/run.mjs from the article
// page's text, sized to match that page's HTML) is read once, at build time.
import { readFileSync } from "node:fs";
import path from "node:path";

export const dynamic = "force-static";

export default function Page() {
  const { title, paragraphs } = JSON.parse(readFileSync(path.join(process.cwd(), "content.json"), "utf8"));
  return (
    <main>
      <h1>{title}</h1>
      {paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </main>
  );
}
