#!/usr/bin/env node
/**
 * The worker threads' code as one file: `dist/worker.cjs`, ogi-lint's compiled modules that the
 * pool's worker (dist/src/audit/worker.js) imports — the readers, the model, the rules, the
 * configuration — joined by esbuild into one CommonJS script, with unified (`JOINED`). The other
 * packages they use are left out: Node loads them from node_modules as before, and those loaded on
 * first use stay so.
 *
 * Each worker thread loads its modules on its own. One script is read and compiled in one go,
 * where some 150 ES modules are each resolved, read, compiled and linked: over 1,000 reports the
 * run takes about 4 % less CPU (bench/results/README.md, section 18). The pool uses the file when
 * it is at least as new as the module it is made from (src/audit/pool.ts), so that a tsc build
 * alone never runs stale code.
 *
 *   node scripts/bundle-worker.mjs      (part of `npm run build`, after tsc)
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinOnly } from './joined-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The packages joined in, with what they import: those every Markdown or HTML file needs at once
 * (unified and the named character references; the parsers themselves are loaded on first use,
 * src/util/lazy.ts). Node 20 loads them one by one, as ES modules through `require`, in about 25 ms
 * of each thread's CPU.
 */
const JOINED = new Set(['unified', 'decode-named-character-reference']);

await build({
  entryPoints: [path.join(root, 'dist', 'src', 'audit', 'worker.js')],
  outfile: path.join(root, 'dist', 'worker.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [joinOnly(JOINED)],
  // a module's own URL, for the few that find the package's folder or load a package from it: the
  // script's, which is in the same package (dist/)
  define: { 'import.meta.url': '__ogiLintScriptUrl' },
  banner: { js: "const __ogiLintScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
