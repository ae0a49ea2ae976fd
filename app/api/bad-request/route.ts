// Every address whose percent-encoding is not UTF-8 is rewritten here (lib/http/routing.mjs,
// lib/http/malformed-path.mjs) before Next matches dynamic routes, whose parameter decoding would
// otherwise answer 500.

const BODY = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>网址有误</title></head>
<body><main><h1>网址有误</h1><p>这个网址里有无法识别的字符（错误代码 400），请检查链接是否完整。</p>
<p><a href="/">返回首页</a></p></main></body></html>
`;

function badRequest(): Response {
  return new Response(BODY, {
    status: 400,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const GET = badRequest;
export const POST = badRequest;
export const PUT = badRequest;
export const PATCH = badRequest;
export const DELETE = badRequest;
