#!/usr/bin/env node
/**
 * The command line's code in a few files: `dist/cli/`, ogi-lint's compiled modules that the command
 * line imports (dist/src/cli/main.js and what it imports, at once or when a command needs it) and
 * the packages they import, joined by esbuild into ES modules. The code a command imports on demand
 * stays in files of its own (`--version` loads no rule, a run over a folder no reader), so each run
 * loads what it loaded before, in far fewer files: one Markdown report takes about an eighth less
 * CPU, the main thread of a run over a folder 40–50 ms less (bench/results/README.md, section 23).
 *
 * Packages are joined in only where most runs load them (`JOINED`); the rest, and those ogi-lint
 * loads on first use (src/util/lazy.ts: `createRequire`, which esbuild does not follow), are
 * loaded from node_modules as before.
 *
 * Each module keeps its own URL (`import.meta.url`): the few that find the package's folder, a data
 * file or a package from where they are get the same answer as before. yargs's platform shim gets
 * its own too: y18n reads yargs's translations from beside it.
 *
 * `dist/cli/inputs.json` lists the modules each output file holds, and under `firstUse` those of
 * them run only when first asked for (what a test of which modules a run loads reads).
 * bin/ogi-lint.js runs `dist/cli/main.js` when it is at least as new as the module it is made from,
 * so that a tsc build alone never runs stale code.
 *
 *   node scripts/bundle-cli.mjs      (part of `npm run build`, after tsc)
 */
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinOnly } from './joined-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'cli');
/**
 * The packages joined in, with what they import: those most runs load (the argument parser, the
 * Markdown processor, the file finder, colours). The others are loaded from node_modules as before:
 * those a command needs on demand (the language server, the audit's progress bar and summaries, the
 * Word, PDF and spreadsheet libraries) cost the same either way, and piscina's worker threads run a
 * file of its own, found next to its module.
 */
const JOINED = new Set(['yargs', 'unified', 'tinyglobby', 'picocolors', 'string-width', 'decode-named-character-reference']);

const ownUrls = {
  name: 'own-urls',
  setup(b) {
    // ogi-lint's modules: `import.meta.url` is the module's own URL, as the output file's relative to it
    b.onLoad({ filter: /[\\/]dist[\\/](src|rules)[\\/].*\.js$/, namespace: 'file' }, async (a) => {
      const source = await readFile(a.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'js' };
      const rel = path.relative(outdir, a.path).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
    });
    // string-width, for the packages joined in: loaded when first asked for a width (yargs measures
    // only to lay out --help), not at start-up, where its tables and Unicode expressions cost 15–25 ms
    // (one stand-in for each folder it is imported from, which resolves the version that folder would)
    b.onResolve({ filter: /^string-width$/ }, (a) => (a.namespace === 'lazy-string-width' ? undefined : { path: a.resolveDir, namespace: 'lazy-string-width' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (a) => ({
      contents: "let width;\nexport default function stringWidth(text, options) {\n  width ??= require('string-width').default;\n  return width(text, options);\n}\n",
      resolveDir: a.path,
      loader: 'js',
    }));
    // yargs's platform shim: its own URL, found where node would load it from
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/, namespace: 'file' }, async (a) => {
      const source = await readFile(a.path, 'utf8');
      const own =
        "import { createRequire as __ogiShimRequire } from 'node:module';\n" +
        "import { pathToFileURL as __ogiShimUrl } from 'node:url';\n" +
        "import { dirname as __ogiShimDir, join as __ogiShimJoin } from 'node:path';\n" +
        "const __ogiYargsShim = __ogiShimUrl(__ogiShimJoin(__ogiShimDir(__ogiShimRequire(import.meta.url).resolve('yargs/package.json')), 'lib', 'platform-shims', 'esm.mjs')).href;\n";
      return { contents: own + source.replaceAll('import.meta.url', '__ogiYargsShim'), loader: 'js', resolveDir: path.dirname(a.path) };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [path.join(root, 'dist', 'src', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [joinOnly(JOINED), ownUrls],
  // the CommonJS packages joined in (picomatch, cliui's helpers…) require node's modules
  banner: { js: "import { createRequire as __ogiCreateRequire } from 'node:module'; const require = __ogiCreateRequire(import.meta.url);" },
  metafile: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});

// the modules run when a file is loaded, and those it holds but runs only when first asked for
// (reached only through a `require` call in an ES module, as string-width's stand-ins reach it; a
// CommonJS module's are taken as run with it): `firstUse`
const relative = (i) => path.relative(root, path.resolve(root, i)).split(path.sep).join('/');
const eager = new Set();
const visit = (input) => {
  const module = result.metafile.inputs[input];
  if (eager.has(input) || !module) return;
  eager.add(input);
  for (const i of module.imports) if (!i.external && !(i.kind === 'require-call' && module.format === 'esm')) visit(i.path);
};
for (const out of Object.values(result.metafile.outputs)) if (out.entryPoint) visit(out.entryPoint);
const inputs = { firstUse: Object.keys(result.metafile.inputs).filter((i) => !eager.has(i)).map(relative) };
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  inputs[path.relative(outdir, path.resolve(root, file)).split(path.sep).join('/')] = Object.keys(out.inputs).map(relative);
}
await writeFile(path.join(outdir, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
