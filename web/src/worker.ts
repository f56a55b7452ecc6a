/**
 * The lint runs here, off the page's thread, so the page stays responsive while a large Word
 * document is converted and checked. Nothing is sent anywhere: the bytes come from the page and the
 * findings go back to it.
 */
import './globals.js';
import { EXTENSIONS, formatters, lintForView, profiles } from '../../src/browser.js';
import type { LintRequest, LintResponse } from './protocol.js';

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
  onmessage: ((e: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintResponse): void;
};

scope.onmessage = async (e) => {
  const { id, bytes, fileName, locale, profile } = e.data;
  const t0 = performance.now();
  try {
    await preparePdf(bytes);
    const { result, view } = await lintForView(bytes, fileName, { locale, profile });
    delete result.source;
    const json = formatters.json([result]);
    const csv = formatters.csv([result]);
    scope.postMessage({ id, ok: true, result, view, ms: performance.now() - t0, json, csv });
  } catch (err) {
    scope.postMessage({ id, ok: false, error: (err as Error).message || String(err) });
  }
};

// the inputs the library reads: the page offers these (PDF among them once the library reads PDF)
scope.postMessage({ ready: true, profiles: profiles(), extensions: [...EXTENSIONS] });
