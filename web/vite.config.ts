import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/**
 * The web page: static files in web/dist/, built from the same library as the command line.
 * The library's Node-only seams are swapped here, and nowhere else:
 * - `src/config/data.ts` (built-in profiles, schemas, vocabularies read from files) → `web/src/data.ts`,
 *   which bundles the same JSON;
 * - `node:path` → pathe, `node:url` → a shim with the one function the SARIF formatter uses, and the
 *   `buffer` package for the Buffer that the text decoder hands to iconv-lite.
 * Any other Node module reached by a static import fails the build; the only one reached at all is
 * the file system, imported lazily by `readPath`, which the page never calls.
 */
const web = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(web, '..');
const dataModule = path.join(repo, 'src', 'config', 'data.js');

function browserSeams(): Plugin {
  return {
    name: 'ogi-lint-browser-seams',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && source.endsWith('/data.js') && path.resolve(path.dirname(importer), source) === dataModule) {
        return path.join(web, 'src', 'data.ts');
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
  plugins: [browserSeams()],
  // the library runs in a Web Worker: packages with a `worker` export (no DOM) are taken in that form
  resolve: { alias, conditions: ['worker', ...defaultClientConditions] },
  worker: { format: 'es', plugins: () => [browserSeams()] },
  define: { 'process.env.NODE_DEBUG': 'false' },
  build: {
    outDir: path.join(web, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
  },
});
