// What the workbench answers between opening its port and being ready: 503 with
// Retry-After, so a poll or a browser gets an answer at once instead of waiting on
// a silent socket, and browsers get a small page that reloads itself.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, isOwnHost, send } from "./http";

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

const MESSAGE = "ワークベンチを準備しています。少し待ってからもう一度お試しください。";

const PAGE = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>準備中 — プラチナ ワークベンチ</title>
<style>body { font-family: system-ui, "Noto Sans CJK JP", sans-serif; margin: 3rem; color: #333; }</style>
</head>
<body>
<h1>準備中</h1>
<p>ワークベンチを準備しています。準備ができると、このページは自動で開きます。</p>
</body>
</html>
`;

export function answerStarting(req: IncomingMessage, res: ServerResponse, origin: string): void {
  if (!isOwnHost(req, origin)) throw new HttpError(403, "このサーバーには 127.0.0.1 でアクセスしてください。");
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS) };
  if (/\btext\/html\b/.test(req.headers.accept ?? "")) send(res, 503, "text/html; charset=utf-8", PAGE, headers);
  else send(res, 503, "application/json; charset=utf-8", JSON.stringify({ error: MESSAGE }), headers);
}
