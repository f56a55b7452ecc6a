import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';

/*
 * The Markdown parser's packages are loaded from dist/markdown.cjs, the one script esbuild joins them
 * into (scripts/bundle-markdown.mjs). It must parse exactly as the packages do.
 */

beforeAll(() => ensureBuilt());

/** Every Markdown file of the fixtures. */
function markdownFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p);
    }
  };
  walk(path.join(repoRoot, 'fixtures'));
  return out;
}

describe('the joined Markdown packages', () => {
  it('parse every Markdown fixture, and GFM built from its parts, exactly as the packages', () => {
    // the Markdown fixtures, and a text with every construct the parser and GFM know
    const files = [...markdownFixtures(), path.join(repoRoot, 'test', 'joined-markdown.constructs.md')];
    expect(files.length).toBeGreaterThan(5);
    // in a child process: the packages from node_modules, and the same from the joined script
    const script = `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(${JSON.stringify(path.join(repoRoot, 'package.json'))});
const { unified } = require('unified');
const joined = require(${JSON.stringify(path.join(repoRoot, 'dist', 'markdown.cjs'))});
const packages = {
  remarkParse: require('remark-parse').default,
  remarkGfm: require('remark-gfm').default,
  gfmTable: require('micromark-extension-gfm-table').gfmTable,
  gfmStrikethrough: require('micromark-extension-gfm-strikethrough').gfmStrikethrough,
  gfmFromMarkdown: require('mdast-util-gfm').gfmFromMarkdown,
  combineExtensions: require('micromark-util-combine-extensions').combineExtensions,
};
const trees = (m, text) => [
  unified().use(m.remarkParse).use(m.remarkGfm).parse(text),
  // GFM from its parts, as src/parse/gfm.ts makes it for a text that can hold only some of them
  unified().use(m.remarkParse).use(function () {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(m.combineExtensions([m.gfmTable(), m.gfmStrikethrough()]));
    (data.fromMarkdownExtensions ??= []).push(m.gfmFromMarkdown());
  }).parse(text),
];
const differ = [];
let nodes = 0;
for (const f of JSON.parse(process.env.FILES)) {
  const text = readFileSync(f, 'utf8');
  const [a, b] = [JSON.stringify(trees(joined, text)), JSON.stringify(trees(packages, text))];
  if (a !== b) differ.push(f);
  nodes += (a.match(/"type":/g) ?? []).length;
}
console.log(JSON.stringify({ differ, nodes }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, FILES: JSON.stringify(files) }, maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    const { differ, nodes } = JSON.parse(r.stdout) as { differ: string[]; nodes: number };
    expect(differ).toEqual([]);
    expect(nodes).toBeGreaterThan(files.length * 20);
  }, 120_000);
});
