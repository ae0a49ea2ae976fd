// The clipboard fixtures (e2e/fixtures/clipboard/*.html) are what Word 2016+ on Windows, Word 16
// on a Mac, WPS Office and Chrome (copying from a web page) put on the clipboard for short Chinese
// stories written for these tests; each must come out as exactly this schema HTML.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanPastedHtml, cleanPastedHtmlWithReport } from "@/lib/body/import/paste";

function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "../../../e2e/fixtures/clipboard", name), "utf8");
}

/** Expected HTML written one tag per line for reading; the output has no whitespace between tags. */
function html(lines: string): string {
  return lines
    .split("\n")
    .map((l) => l.trim())
    .join("");
}

describe("cleanPastedHtml: clipboard fixtures", () => {
  it("Word on Windows: headings, bold, italic, nested bullets, numbers, a header row; no comment, deletion, empty paragraph or indent", () => {
    const out = cleanPastedHtmlWithReport(fixture("word-windows.html"));
    expect(out.html).toBe(
      html(`<h2>柳江区三千亩优质稻喜获丰收</h2>
        <p><strong>本报讯（记者 韦丽娟 通讯员 覃明）</strong>11月28日，柳江区百朋镇的稻田里一片金黄，几台收割机来回穿梭，今年全区三千亩“柳江香”优质稻迎来丰收。</p>
        <h2>一、机收效率提高三成</h2>
        <p>“今年我们村全部用上了<em>履带式收割机</em>，一天能收八十亩。”种粮大户覃师傅说。</p>
        <ul>
        <li>收割、烘干、入仓一条龙；<ul><li>烘干中心日处理120吨；</li></ul></li>
        <li><strong>农机手</strong>持证上岗。</li>
        </ul>
        <h2>二、订单收购价格</h2>
        <ol>
        <li>优质稻每公斤3.2元；</li>
        <li>普通稻每公斤2.8元。</li>
        </ol>
        <table>
        <thead><tr><th>乡镇</th><th>面积（亩）</th><th>亩产（公斤）</th></tr></thead>
        <tbody>
        <tr><td>百朋镇</td><td>1,800</td><td>560</td></tr>
        <tr><td>成团镇</td><td>1,200</td><td>540</td></tr>
        </tbody>
        </table>
        <p>收割机在百朋镇稻田作业</p>
        <p>据了解，今年柳江区优质稻平均亩产比去年增加约8%，预计带动农户增收600余万元。详情见<a href="https://www.liujiang.gov.cn/nync/2026/1128.html">区农业农村局通知</a>。</p>
        <p>（完）</p>`),
    );
    // The picture's source is a file in the writer's temporary folder: dropped, and said.
    expect(out.droppedImages).toBe(1);
    expect(out.html).not.toMatch(/WL1|请核实|五十|file:|mso|class=|style=/);
  });

  it("Word on a Mac: the Title style, comment-form conditionals, a lettered list", () => {
    const out = cleanPastedHtmlWithReport(fixture("word-mac.html"));
    expect(out.html).toBe(
      html(`<h2>鹿寨县启动冬季森林防火宣传月</h2>
        <p>即日起至明年1月，鹿寨县开展冬季森林防火宣传月活动，<strong>严禁野外用火</strong>。</p>
        <h3>重点时段</h3>
        <ol><li>元旦假期；</li><li>春节前后。</li></ol>
        <p>举报电话：0772-6812119</p>`),
    );
    expect(out.droppedImages).toBe(1);
  });

  it("WPS: <font> runs, a custom heading style by outline level, 、 numbering, a merged cell; tracked changes and comments dropped", () => {
    const out = cleanPastedHtmlWithReport(fixture("wps.html"));
    expect(out.html).toBe(
      html(`<h2>融水苗族自治县芦笙节吸引八方游客</h2>
        <p><strong>柳州日报讯</strong>　11月29日，融水苗族自治县第二十届芦笙节在县城民族体育广场开幕，<em>数千名苗族群众身着盛装</em>，吹起芦笙、踩起堂舞。</p>
        <h2>活动安排</h2>
        <ul>
        <li>芦笙踩堂比赛：11月29日上午；</li>
        <li>斗马、斗鸟民俗展示：11月30日全天。</li>
        </ul>
        <p>游客可按以下路线前往：</p>
        <ol>
        <li>柳州乘动车至融水站，换乘1路公交；</li>
        <li>自驾经三北高速融水出口下，约1.5小时。</li>
        </ol>
        <table><tbody>
        <tr><td>项目</td><td>地点</td></tr>
        <tr><td>芦笙踩堂</td><td>民族体育广场</td></tr>
        <tr><td colspan="2">以上活动均免费向游客开放</td></tr>
        </tbody></table>
        <p>据县文旅局统计，节日期间预计接待游客20万人次，带动旅游收入约1.2亿元。</p>
        <p>（记者　梁晓燕）</p>`),
    );
    expect(out.droppedImages).toBe(1);
    expect(out.html).not.toMatch(/WPS1|待文旅局确认|>15</);
  });

  it("a web page: h1/h4 mapped, images as figures (off-site and data: kept for the save), quote, ol start; script and javascript: gone", () => {
    const out = cleanPastedHtmlWithReport(fixture("web-page.html"));
    expect(out.html).toBe(
      html(`<h2>三江侗族自治县程阳八寨入选全国乡村旅游精品线路</h2>
        <p>来源：三江县融媒体中心\u00a02026-11-30 09:30分享</p>
        <p>近日，文化和旅游部公布2026年全国乡村旅游精品线路，<strong>三江程阳八寨</strong>榜上有名。</p>
        <figure><img src="https://www.sanjiang.gov.cn/uploads/2026/11/chengyang.jpg" alt="程阳风雨桥"></figure>
        <figure><img src="https://img.example-news.cn/2026/1130/bayzhai.png" alt="八寨全景"><figcaption>程阳八寨全景（无人机航拍）</figcaption></figure>
        <h3>游览提示</h3>
        <ol start="3">
        <li>景区门票<strong>60元</strong>；</li>
        <li>风雨桥夜景<em>18:30</em>开放。</li>
        </ol>
        <blockquote><p>“侗族大歌响起来，游客留下来。”</p></blockquote>
        <figure><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" alt="二维码"></figure>
        <p><a href="https://www.sanjiang.gov.cn/news/2026/1130.html">查看原文</a>\u00a0|\u00a0点我</p>`),
    );
    // The blob: image (copied from a web app) cannot be fetched by the server.
    expect(out.droppedImages).toBe(1);
  });
});

describe("cleanPastedHtml: details", () => {
  it.each([
    ["full-width indent", "<p>　　正文开始。</p>", "<p>正文开始。</p>"],
    [
      "&nbsp; indent inside bold",
      "<p><b>&nbsp;&nbsp; 　导语：</b>正文。</p>",
      "<p><strong>导语：</strong>正文。</p>",
    ],
    ["stray spaces at both ends", "<p> \u3000正文。\u00a0 </p>", "<p>正文。</p>"],
    [
      "full-width punctuation kept",
      "<p>“你好，世界！”——（记者）《报》；</p>",
      "<p>“你好，世界！”——（记者）《报》；</p>",
    ],
    ["empty paragraphs", "<p>&nbsp;</p><p><o:p></o:p></p><p>　</p><p><br></p><p>a</p>", "<p>a</p>"],
    [
      "a line wrap in Chinese source text",
      "<p>稻田里\r\n一片金黄, and\nmore</p>",
      "<p>稻田里一片金黄, and more</p>",
    ],
    [
      "Google Docs' bold wrapper is not bold",
      '<b style="font-weight:normal" id="docs-internal-guid-1"><p>正文<span style="font-weight:700">粗</span></p></b>',
      "<p>正文<strong>粗</strong></p>",
    ],
    [
      "italic, strike, sub/sup, code",
      '<p><span style="font-style:italic">斜</span><strike>删</strike>H<sub>2</sub>O m<sup>2</sup><code>x</code></p>',
      "<p><em>斜</em><s>删</s>H<sub>2</sub>O m<sup>2</sup><code>x</code></p>",
    ],
    [
      "adjacent runs with the same marks merge",
      "<p><b>一</b><b><span>二</span></b></p>",
      "<p><strong>一二</strong></p>",
    ],
    [
      "hidden text",
      '<p>可见<span style="display:none">隐藏</span><span style="mso-hide:all">也隐藏</span></p>',
      "<p>可见</p>",
    ],
    ["h5 → h3, bold inside a heading", "<h5><b>小节</b></h5>", "<h3>小节</h3>"],
    [
      "a <div><br><br> page becomes paragraphs",
      "<div>第一段<br><br>第二段<br>同段</div>",
      "<p>第一段</p><p>第二段<br>同段</p>",
    ],
    [
      "mailto and site links kept, others dropped",
      '<p><a href="mailto:a@b.cn">信</a><a href="/liujiang/1">站内</a><a href="#x">锚</a><a href="ftp://x">ftp</a></p>',
      '<p><a href="mailto:a@b.cn">信</a><a href="/liujiang/1">站内</a>锚ftp</p>',
    ],
    [
      "pre as a paragraph of code",
      "<pre>a &lt; b\nc</pre>",
      "<p><code>a &lt; b</code><br><code>c</code></p>",
    ],
    ["hr", "<p>a</p><hr><p>b</p>", "<p>a</p><hr><p>b</p>"],
  ])("%s", (_, input, expected) => {
    expect(cleanPastedHtml(input)).toBe(expected);
  });

  it("a Word list whose marker is lost still becomes a list (WPS writes the bullet as text)", () => {
    expect(
      cleanPastedHtml(
        '<p style="mso-list:l0 level1 lfo1">●&nbsp;甲</p><p style="mso-list:l0 level1 lfo1">●&nbsp;乙</p><p>后文</p>',
      ),
    ).toBe("<ul><li>甲</li><li>乙</li></ul><p>后文</p>");
    expect(
      cleanPastedHtml('<p style="mso-list:l1 level1 lfo2"><![if !supportLists]>3.&nbsp;<![endif]>丙</p>'),
    ).toBe('<ol start="3"><li>丙</li></ol>');
  });

  it.each([
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">x</p>',
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<table><tr><td background="javascript:alert(1)" onmouseover="x">x</td></tr></table>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  ])("never writes anything that can run: %j", (probe) => {
    const out = cleanPastedHtml(probe);
    expect(out).not.toMatch(/<(script|iframe|svg|style|noscript)\b/i);
    for (const tag of out.match(/<[^>]+>/g) ?? []) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=|javascript:|\sstyle=|\sclass=/i);
    }
  });

  it("escapes attribute values", () => {
    expect(
      cleanPastedHtml(
        '<figure><img src="https://a.cn/x.png?a=1&b=2" alt="&quot; onerror=&quot;alert(1)"></figure>',
      ),
    ).toBe('<figure><img src="https://a.cn/x.png?a=1&amp;b=2" alt="&quot; onerror=&quot;alert(1)"></figure>');
  });
});

describe("cleanPastedHtml: the schema is a fixed point", () => {
  it.each(["word-windows.html", "word-mac.html", "wps.html", "web-page.html"])(
    "cleaning the clean %s changes nothing (a copy inside the editor pastes back as it was)",
    (name) => {
      const once = cleanPastedHtml(fixture(name));
      expect(cleanPastedHtml(once)).toBe(once);
    },
  );

  it("takes the editor's own HTML (paragraphs inside items and cells) as the schema", () => {
    expect(
      cleanPastedHtml(
        '<ul><li><p>甲</p><ul><li><p>乙</p></li></ul></li></ul><table><tbody><tr><td colspan="1" rowspan="1"><p>格</p></td></tr></tbody></table>',
      ),
    ).toBe("<ul><li>甲<ul><li>乙</li></ul></li></ul><table><tbody><tr><td>格</td></tr></tbody></table>");
  });
});
