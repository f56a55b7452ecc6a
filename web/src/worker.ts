/**
 * The lint runs here, off the page's thread, so the page stays responsive while a large Word
 * document is converted and checked. Nothing is sent anywhere: the bytes come from the page and the
 * findings go back to it. Requests are answered one at a time, in the order they come.
 */
import './globals.js';
import { applyOverrides, ConfigError, configFromTexts, EXTENSIONS, formatters, lintForView, profiles, type ResolvedConfig } from '../../src/browser.js';
import type { LintRequest, LintResponse, ProfileInfo, WorkerRequest } from './protocol.js';

/**
 * pdf.js, when the library reads PDF with it, normally starts a worker of its own; already in a
 * worker, it runs its worker code in this thread instead, found on `globalThis.pdfjsWorker`.
 * Loaded the first time a PDF is checked (the glob is empty when pdfjs-dist is not installed).
 */
const pdfjsWorker = Object.values(import.meta.glob('../../node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs'))[0];

async function preparePdf(bytes: Uint8Array): Promise<void> {
  const g = globalThis as { pdfjsWorker?: unknown };
  const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
  if (isPdf && pdfjsWorker && g.pdfjsWorker === undefined) g.pdfjsWorker = await pdfjsWorker();
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: LintResponse): void;
};

/** The configuration given on the page, checked; none until one is given. */
let config: ResolvedConfig | undefined;

function profileList(): ProfileInfo[] {
  const extra = config?.extraProfiles ?? new Map();
  return profiles(extra).map((p) => (extra.has(p.id) ? { ...p, custom: true } : p));
}

async function lint(req: LintRequest): Promise<LintResponse> {
  const { id, bytes, fileName, locale, profile, reportYear } = req;
  const t0 = performance.now();
  try {
    await preparePdf(bytes);
    // the configuration as --config gives it for a report in the configuration's folder
    const settings = config ? { config: applyOverrides(config, `/${fileName}`).config, extraProfiles: config.extraProfiles } : {};
    const { result, view } = await lintForView(bytes, fileName, { ...settings, locale, profile, reportYear });
    delete result.source;
    const json = formatters.json([result]);
    const csv = formatters.csv([result]);
    const ignored = config?.isIgnored(`/${fileName}`) ?? false;
    return { kind: 'lint', id, ok: true, result, view, ms: performance.now() - t0, json, csv, ...(ignored ? { ignored } : {}) };
  } catch (err) {
    const message = err instanceof ConfigError ? err.in(locale) : (err as Error).message || String(err);
    return { kind: 'lint', id, ok: false, error: message };
  }
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.kind) {
    case 'lint':
      scope.postMessage(await lint(req));
      return;
    case 'config':
      try {
        config = req.files.length ? configFromTexts(req.files) : undefined;
        scope.postMessage({ kind: 'config', id: req.id, ok: true, profiles: profileList(), files: req.files.map((f) => f.name) });
      } catch (err) {
        config = undefined;
        const error = err instanceof ConfigError ? { zh: err.in('zh'), en: err.in('en') } : { zh: String((err as Error).message), en: String((err as Error).message) };
        scope.postMessage({ kind: 'config', id: req.id, ok: false, profiles: profileList(), error });
      }
      return;
    case 'format':
      scope.postMessage({ kind: 'format', id: req.id, json: formatters.json(req.results), csv: formatters.csv(req.results) });
      return;
  }
}

// one request after the other: a configuration given while a report is checked applies to the next
let queue = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data));
};

// the inputs the library reads: the page offers these (PDF among them once the library reads PDF)
scope.postMessage({ kind: 'ready', profiles: profileList(), extensions: [...EXTENSIONS] });
