import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Locale } from '../rules/types.js';
import { localise } from '../i18n/index.js';
import { packageRoot } from '../util/paths.js';

/**
 * `ogi-lint web`: serves the web page (web/dist, built by `npm run build`) on 127.0.0.1 only. The
 * page checks reports in the browser; this server only hands out its static files and never
 * receives a report. Requests naming another host are refused (a web page elsewhere cannot reach
 * it through a DNS name that points here).
 */

export const WEB_MESSAGES = {
  listening: {
    zh: 'ogi-lint 网页检查已启动：{url}\n报告在浏览器中检查，不会上传。按 Ctrl+C 停止。',
    en: 'ogi-lint web page: {url}\nReports are checked in the browser and never uploaded. Press Ctrl+C to stop.',
  },
  notBuilt: {
    zh: '网页尚未构建（缺少 {dir}）；请先运行 npm run build',
    en: 'the web page is not built ({dir} is missing); run npm run build first',
  },
  badPort: { zh: '--port 的值“{value}”不是 0 到 65535 之间的端口号', en: '--port "{value}" is not a port number from 0 to 65535' },
  inUse: { zh: '端口 {port} 已被占用；请用 --port 指定其他端口（0 表示任选空闲端口）', en: 'port {port} is in use; choose another with --port (0 picks a free one)' },
};

export const DEFAULT_PORT = 5180;
const HOST = '127.0.0.1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** What the page may load: only from this server (ajv compiles its validators with `new Function`). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; form-action 'none'; frame-ancestors 'none'";

/** The folder of the built page. */
export function webRoot(): string {
  return path.join(packageRoot(), 'web', 'dist');
}

/** A port as given to --port, or undefined when it is not one. */
export function parsePort(value: unknown): number | undefined {
  const s = String(value).trim();
  if (!/^\d{1,5}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

async function handle(root: string, port: () => number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const hostHeader = (req.headers.host ?? '').toLowerCase();
  if (hostHeader !== `${HOST}:${port()}` && hostHeader !== `localhost:${port()}`) return send(res, 421, 'wrong host\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, `.${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden\n');
  let body: Buffer;
  try {
    if (!(await stat(file)).isFile()) return send(res, 404, 'not found\n');
    body = await readFile(file);
  } catch {
    return send(res, 404, 'not found\n');
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Start serving the page; resolves with the server and its URL once it listens. */
export function startWebServer(port: number, root = webRoot()): Promise<{ server: Server; url: string }> {
  let actual = port;
  const server = createServer((req, res) => {
    handle(root, () => actual, req, res).catch(() => send(res, 500, 'internal error\n'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const addr = server.address();
      actual = typeof addr === 'object' && addr ? addr.port : port;
      resolve({ server, url: `http://${HOST}:${actual}/` });
    });
  });
}

export class WebError extends Error {}

/**
 * The `web` command: serve until interrupted (Ctrl+C or a termination signal), then return 0.
 * Throws WebError with a message in plain words when the page is not built or the port is taken.
 */
export async function webCommand(portArg: unknown, locale: Locale, out: { write(s: string): unknown }): Promise<number> {
  const port = portArg === undefined ? DEFAULT_PORT : parsePort(portArg);
  if (port === undefined) throw new WebError(localise(WEB_MESSAGES.badPort, locale, { value: String(portArg) }));
  const root = webRoot();
  if (!existsSync(path.join(root, 'index.html'))) throw new WebError(localise(WEB_MESSAGES.notBuilt, locale, { dir: path.relative(process.cwd(), root) || root }));
  let started: { server: Server; url: string };
  try {
    started = await startWebServer(port, root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new WebError(localise(WEB_MESSAGES.inUse, locale, { port }));
    throw err;
  }
  out.write(`${localise(WEB_MESSAGES.listening, locale, { url: started.url })}\n`);
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      started.server.close(() => resolve(0));
      started.server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
