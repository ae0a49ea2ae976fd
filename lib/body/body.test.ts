import { describe, expect, it } from "vitest";
import { normalizeBody, offSiteImages } from "@/lib/body/normalize";
import { renderReaderBody, bodyImageSrcSet } from "@/lib/body/render";
import { bodyToText, isBodyEmpty } from "@/lib/body/text";
import { markdownToBody } from "@/lib/body/markdown";
import { renderMarkdown } from "@/lib/markdown";
import { markdownToText } from "@/lib/text";

function tags(html: string): string[] {
  return html.match(/<[^>]+>/g) ?? [];
}

/** No element of the output can run script (the same check as lib/markdown.test.ts). */
function expectInert(html: string): void {
  expect(html.toLowerCase()).not.toMatch(
    /<(script|iframe|svg|math|object|embed|form|style|link|meta|base)\b/,
  );
  for (const tag of tags(html)) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(tag).not.toMatch(/\s(style|class|id|srcdoc|formaction)\s*=/i);
  }
}

// The XSS probes of lib/markdown.test.ts, arriving as HTML (a paste, a hand-made request) and as
// Markdown (the import), plus the usual HTML ones.
const HTML_PROBES = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<iframe src="https://evil.example.com"></iframe>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="data:text/html,hi">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<p onclick="alert(1)">x</p>',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<img src="javascript:alert(1)">',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<figure><img src="/media/a-640.webp" alt="x" onerror="alert(1)"><figcaption onmouseover="alert(1)">c</figcaption></figure>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "<style>*{background:url(javascript:alert(1))}</style>",
  '<base href="javascript:alert(1)//"><a href="/x">x</a>',
  '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
];
const MARKDOWN_PROBES = [
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html,<script>alert(1)</script>)",
  "![x](javascript:alert(1))",
  "![x](data:image/png;base64,iVBORw0KGgo=)",
  "[x][r]\n\n[r]: javascript:alert(1)",
  "<javascript:alert(1)>",
];

describe("XSS: normalizeBody and renderReaderBody", () => {
  it.each(HTML_PROBES)("neutralises the HTML %j", (probe) => {
    const body = normalizeBody(probe);
    expectInert(body);
    expectInert(renderReaderBody(body));
    expectInert(renderReaderBody(probe));
  });

  it.each(MARKDOWN_PROBES)("neutralises the Markdown %j", (probe) => {
    expectInert(renderReaderBody(markdownToBody(probe)));
  });
});

describe("normalizeBody", () => {
  const samples = [
    "<h1>标题</h1><p>正文<b>粗</b><i>斜</i><u>下划线</u><del>删</del></p><h4>四级</h4>",
    "裸文字<strong>加粗</strong><p>段落</p>尾巴",
    '<ul><li><p>一</p></li><li><p>二</p><ul><li><p>嵌套</p></li></ul></li></ul><ol start="3"><li>三</li></ol>',
    '<table style="min-width: 50px"><colgroup><col></colgroup><tbody><tr><th colspan="1" rowspan="1"><p>表头</p></th><td colspan="2" rowspan="1"><p>合并</p></td></tr></tbody></table>',
    '<figure><img src="/media/k-640.webp" alt="图" width="1600" height="900" class="x"><figcaption>说明<strong>粗</strong></figcaption></figure>',
    '<p>前<img src="/media/k-640.webp" alt="中">后</p>',
    "<blockquote>引用文字<p>段</p></blockquote><hr><pre><code>a\nb\n</code></pre>",
    '<p><a href="https://example.com" target="_blank" rel="noopener">外链</a><a href="/a/1">站内</a><a>无址</a></p>',
    "<p></p><p> </p><p>留下</p>",
  ];

  it.each(samples)("is idempotent on %j", (html) => {
    const once = normalizeBody(html);
    expect(normalizeBody(once)).toBe(once);
  });

  it("keeps only the schema", () => {
    expect(normalizeBody(samples[0] ?? "")).toBe(
      "<h2>标题</h2><p>正文<strong>粗</strong><em>斜</em>下划线<s>删</s></p><h3>四级</h3>",
    );
    expect(normalizeBody(samples[1] ?? "")).toBe("<p>裸文字<strong>加粗</strong></p><p>段落</p><p>尾巴</p>");
    expect(normalizeBody("<p></p><p> </p><p>留下</p>")).toBe("<p>留下</p>");
  });

  it("writes list items and table cells holding one paragraph as their text, as Markdown does", () => {
    expect(normalizeBody(samples[2] ?? "")).toBe(
      '<ul><li>一</li><li><p>二</p><ul><li>嵌套</li></ul></li></ul><ol start="3"><li>三</li></ol>',
    );
    expect(normalizeBody(samples[3] ?? "")).toBe(
      '<table><tbody><tr><th>表头</th><td colspan="2">合并</td></tr></tbody></table>',
    );
  });

  it("makes images figures with their alt text and caption", () => {
    expect(normalizeBody(samples[4] ?? "")).toBe(
      '<figure><img src="/media/k-640.webp" alt="图" width="1600" height="900"><figcaption>说明<strong>粗</strong></figcaption></figure>',
    );
    expect(normalizeBody(samples[5] ?? "")).toBe(
      '<p>前</p><figure><img src="/media/k-640.webp" alt="中"></figure><p>后</p>',
    );
  });

  it("turns an off-site image into a link, and offSiteImages lists it first", () => {
    const html =
      '<p>x</p><figure><img src="https://img.example.com/a.jpg" alt="现场"></figure><img src="//cdn.example.com/b.png">';
    expect(offSiteImages(html)).toEqual(["https://img.example.com/a.jpg", "//cdn.example.com/b.png"]);
    const body = normalizeBody(html);
    expect(body).not.toContain("<img");
    expect(body).toContain('<a href="https://img.example.com/a.jpg">现场</a>');
    expect(offSiteImages('<img src="/media/a-640.webp">')).toEqual([]);
  });
});

describe("renderReaderBody", () => {
  it("serves uploads with their derivatives, sizes and lazy loading", () => {
    const html = renderReaderBody(
      '<figure><img src="/media/202611/abcdef-640.webp" alt="图" width="1000" height="500"><figcaption>说明</figcaption></figure>',
    );
    expect(html).toBe(
      '<figure><img src="/media/202611/abcdef-640.webp" srcset="/media/202611/abcdef-320.webp 320w, /media/202611/abcdef-640.webp 640w" sizes="(max-width: 960px) 100vw, 760px" alt="图" width="1000" height="500" loading="lazy" decoding="async" /><figcaption>说明</figcaption></figure>',
    );
    expect(bodyImageSrcSet("/media/x.png", null)).toBeNull();
  });

  it("opens links to other sites without a referrer", () => {
    expect(renderReaderBody('<p><a href="https://example.com">x</a><a href="/a/1">y</a></p>')).toBe(
      '<p><a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">x</a><a href="/a/1">y</a></p>',
    );
  });
});

describe("Markdown → stored form → reader HTML: the same bytes as the Markdown renderer", () => {
  const stories = [
    "**导语：**正文第一段。\n\n第二段。",
    "## 小标题\n\n- 一\n- 二\n  - 嵌套\n\n1. 甲\n\n2. 乙\n\n> 引用\n> 续行\n\n---\n\n末段 [链接](https://example.com) 与 [站内](/a/1)。",
    "| 项目 | 数值 |\n|:--|--:|\n| 产值 | 3.5 亿元 |\n\n硬换行  \n第二行 `代码` ~~删除~~ H~2~O &amp; <b>标签</b>",
    "**产业升级：**正文 *强调*\n\n### 三级\n\n3. 从三开始\n4. 四",
  ];

  it.each(stories)("for %j", (md) => {
    const body = markdownToBody(md);
    expect(renderReaderBody(body)).toBe(renderMarkdown(md));
    expect(normalizeBody(body)).toBe(body);
  });

  it("gives the text markdownToText gave, except where that left Markdown or HTML source in", () => {
    const first = stories[0] ?? "";
    expect(bodyToText(markdownToBody(first))).toBe(markdownToText(first));
    // markdownToText strips syntax with patterns: a rule (---), table pipes, entities, tags and
    // ~ stayed in its text; bodyToText reads what the reader sees.
    expect(markdownToText("上\n\n---\n\n下")).toBe("上 --- 下");
    expect(bodyToText(markdownToBody("上\n\n---\n\n下"))).toBe("上 下");
    expect(bodyToText(markdownToBody("| a | b |\n|--|--|\n| 1 | 2 |"))).toBe("a b 1 2");
    expect(bodyToText(markdownToBody("A &amp; B"))).toBe("A & B");
  });
});

describe("bodyToText", () => {
  it("separates blocks, joins marks, counts images by their caption", () => {
    expect(
      bodyToText(
        '<h2>标题</h2><p><strong>加粗</strong>文字<br>下一行</p><figure><img src="/media/a-640.webp" alt="替代"><figcaption>图说</figcaption></figure><ul><li>一</li><li>二</li></ul>',
      ),
    ).toBe("标题 加粗文字 下一行 图说 一 二");
  });

  it("knows an empty body", () => {
    expect(isBodyEmpty("<p></p>")).toBe(true);
    expect(isBodyEmpty('<figure><img src="/media/a-640.webp" alt=""></figure>')).toBe(false);
  });
});
