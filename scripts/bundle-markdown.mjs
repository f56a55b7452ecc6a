#!/usr/bin/env node
/**
 * The Markdown parser's packages in one script: `dist/markdown.cjs`, remark-parse, remark-gfm, the
 * GFM micromark extensions, mdast-util-gfm and micromark's combiner, with the micromark and mdast
 * packages under them (about 180 ES modules), joined by esbuild into one CommonJS script.
 *
 * src/util/lazy.ts loads them from it when the first Markdown file is parsed. Node 20 loads those
 * ES modules one by one through `require` in 80–100 ms of CPU, in every process that parses
 * Markdown; the one script loads in about 10 (bench/results/README.md, section 24).
 * Without it (a checkout not built yet) they are loaded from node_modules as before.
 *
 * `dist/markdown.inputs.json` lists the modules the script holds (what a test of which modules a
 * run loads reads).
 *
 *   node scripts/bundle-markdown.mjs      (part of `npm run build`)
 */
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What src/util/lazy.ts takes from the packages, by the names it gives them. */
const entry = `
export { default as remarkParse } from 'remark-parse';
export { default as remarkGfm } from 'remark-gfm';
export { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
export { gfmFootnote } from 'micromark-extension-gfm-footnote';
export { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
export { gfmTable } from 'micromark-extension-gfm-table';
export { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
export { gfmFromMarkdown } from 'mdast-util-gfm';
export { combineExtensions } from 'micromark-util-combine-extensions';
`;

const outfile = path.join(root, 'dist', 'markdown.cjs');
const result = await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'markdown-packages.js', loader: 'js' },
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs)
  .filter((i) => i.includes('node_modules'))
  .map((i) => path.relative(root, path.resolve(root, i)).split(path.sep).join('/'));
await writeFile(path.join(root, 'dist', 'markdown.inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
