import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The web page: static files in web/dist/, built from the same library as the command line.
 * The library's Node-only seams are swapped here, and nowhere else:
 * - `src/config/data.ts` (built-in profiles, schemas, vocabularies read from files) → `web/src/data.ts`,
 *   which bundles the same JSON;
 * - `src/util/lazy.ts` (dependencies loaded on first use with Node's require) → `web/src/lazy.ts`,
 *   which imports them with the bundle;
 * - `node:path` → pathe, `node:url` → a shim with the one function the SARIF formatter uses, and the
 *   `buffer` package for the Buffer that the text decoder hands to iconv-lite.
 * Any other Node module reached by a static import fails the build; the only one reached at all is
 * the file system, imported lazily by `readPath`, which the page never calls.
 *
 * PDF: when pdfjs-dist is installed, its character maps and standard fonts are copied to
 * `dist/pdfjs/` (the browser data module points pdf.js there), and web/src/worker.ts gives pdf.js
 * its worker code to run in the same thread.
 *
 * Offline: vite-plugin-pwa writes a service worker (`sw.js`, made with Workbox) that keeps every
 * file of the built page — the scripts, the pdf.js data — so that the page, once loaded, opens
 * and checks reports without a network. The page registers it itself (web/src/main.ts): no inline
 * script, which the page's Content-Security-Policy would refuse.
 */
const web = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(web, '..');
const dataModule = path.join(repo, 'src', 'config', 'data.js');
const lazyModule = path.join(repo, 'src', 'util', 'lazy.js');
const outDir = path.join(web, 'dist');
const pdfjsDir = path.join(repo, 'node_modules', 'pdfjs-dist');
const hasPdfjs = existsSync(path.join(pdfjsDir, 'package.json'));

function pdfjsAssets(): Plugin {
  return {
    name: 'ogi-lint-pdfjs-assets',
    apply: 'build',
    // before the service worker is written (at closeBundle), which lists these files too
    writeBundle() {
      if (!hasPdfjs) return;
      for (const dir of ['cmaps', 'standard_fonts']) cpSync(path.join(pdfjsDir, dir), path.join(outDir, 'pdfjs', dir), { recursive: true });
    },
  };
}

function browserSeams(): Plugin {
  return {
    name: 'ogi-lint-browser-seams',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && source.endsWith('/data.js') && path.resolve(path.dirname(importer), source) === dataModule) {
        return path.join(web, 'src', 'data.ts');
      }
      if (importer && source.endsWith('/lazy.js') && path.resolve(path.dirname(importer), source) === lazyModule) {
        return path.join(web, 'src', 'lazy.ts');
      }
      // left to a lazy import that never runs in the page; checked below
      if (source.startsWith('node:')) return { id: source, external: true };
      return undefined;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const node = chunk.imports.filter((id) => id.startsWith('node:'));
        if (node.length) this.error(`${chunk.fileName} imports Node modules the browser does not have: ${node.join(', ')}`);
      }
    },
  };
}

const alias = [
  { find: /^node:path$/, replacement: 'pathe' },
  { find: /^node:url$/, replacement: path.join(web, 'src', 'shims', 'url.ts') },
  { find: /^buffer$/, replacement: path.join(repo, 'node_modules', 'buffer', 'index.js') },
];

export default defineConfig({
  root: web,
  base: './',
  publicDir: false,
  plugins: [
    browserSeams(),
    pdfjsAssets(),
    VitePWA({
      injectRegister: false,
      manifest: false,
      filename: 'sw.js',
      workbox: {
        globDirectory: outDir,
        globPatterns: ['**/*'],
        // the lint worker, with the library and its readers, is one large script
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  // the library runs in a Web Worker: packages with a `worker` export (no DOM) are taken in that form
  resolve: { alias, conditions: ['worker', ...defaultClientConditions] },
  worker: { format: 'es', plugins: () => [browserSeams()] },
  define: { 'process.env.NODE_DEBUG': 'false', PDFJS_ASSETS: JSON.stringify(hasPdfjs) },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
  },
});
