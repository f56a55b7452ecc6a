/**
 * The library's in-memory entry (src/browser.ts, what the web page runs) gives the command line's
 * findings for the same bytes, and places every finding in the report view; the browser's data
 * module bundles exactly the data the Node loader reads.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintBuffer, lintForView, lintText, formatters, profiles } from '../src/browser.js';
import { lintFiles } from '../src/index.js';
import * as nodeData from '../src/config/data.js';
import * as browserData from '../web/src/data.js';
import { repoRoot } from './helpers/corpus.js';
import type { LintMessage } from '../src/diagnostic.js';

const dirs = ['fixtures/samples', 'fixtures/corpus/full', 'fixtures/tables', 'fixtures/html', 'fixtures/inputs', 'fixtures/corpus/seeds'];
const files = dirs
  .flatMap((d) => readdirSync(path.join(repoRoot, d)).map((f) => path.join(repoRoot, d, f)))
  .filter((f) => /\.(txt|md|html|docx)$/.test(f) && !f.endsWith('README.md'));

function shape(m: LintMessage): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`;
}

describe('src/browser.ts', () => {
  it('reads the real reports it is tested on', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith('.docx'))).toBe(true);
  });

  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('lintBuffer gives the findings of lintFiles: %s', async (_rel, file) => {
    const [expected] = await lintFiles([file], { useConfig: false });
    const got = await lintBuffer(new Uint8Array(readFileSync(file)), file);
    expect(got.messages.map(shape)).toEqual(expected!.messages.map(shape));
    expect(got.report).toEqual(expected!.report);
  });

  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('the view places every finding at or after the start of its block: %s', async (_rel, file) => {
    const { result, view } = await lintForView(new Uint8Array(readFileSync(file)), path.basename(file));
    expect(view).not.toBeNull();
    expect(view!.places).toHaveLength(result.messages.length);
    result.messages.forEach((m, k) => {
      const place = view!.places[k]!;
      expect(place.block, shape(m)).toBeGreaterThanOrEqual(0);
      const block = view!.blocks[place.block]!;
      expect(block.line, shape(m)).toBeLessThanOrEqual(m.line);
      expect(place.section).toBe(block.section);
    });
  });

  it('marks in a plain-text report exactly the characters a finding covers', async () => {
    let checked = 0;
    for (const file of files.filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(file, 'utf8');
      const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
      const { result, view } = await lintForView(new Uint8Array(readFileSync(file)), path.basename(file));
      if (!view) continue;
      result.messages.forEach((m, k) => {
        if (m.line !== m.endLine || m.endColumn <= m.column) return;
        const marked = view.blocks
          .flatMap((b) => [...b.spans, ...(b.rows ?? []).flat().flatMap((c) => c.spans)])
          .filter((s) => s.marks.includes(k))
          .map((s) => s.text)
          .join('');
        const covered = lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1);
        // what is marked is the covered text, less the table rules and line breaks between cells
        const bare = (s: string): string => s.replace(/[|｜\s]/g, '');
        if (bare(covered) === '') return;
        expect(bare(marked), `${path.basename(file)} ${shape(m)}`).toBe(bare(covered));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('lintText reads Markdown and plain text by the name given', () => {
    const md = lintText('# 某局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n内容。\n', 'r.md');
    const txt = lintText('某局2021年政府信息公开工作年度报告\n一、总体情况\n内容。\n', 'r.txt');
    expect(md.report?.year).toBe(2021);
    expect(txt.report?.year).toBe(2021);
    expect(md.messages.some((m) => m.ruleId === 'stats-period')).toBe(true);
    expect(txt.messages.some((m) => m.ruleId === 'stats-period')).toBe(true);
  });

  it('offers the command line formatters, file paths as given', async () => {
    const r = await lintBuffer(new TextEncoder().encode('某局2021年政府信息公开工作年度报告\n'), 'r.txt');
    expect(formatters.stylish([r], { color: false })).toContain('r.txt');
    expect(JSON.parse(formatters.json([r]))[0].messages).toEqual(r.messages);
    const sarif = JSON.parse(formatters.sarif([r])) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('r.txt');
    expect(formatters.csv([r]).split('\r\n')[0]).toBe('file,line,column,endLine,endColumn,severity,ruleId,message,expected,actual,location');
    expect(profiles().map((p) => p.id)).toEqual(['format-2019', 'format-2021', 'legacy']);
  });
});

describe('the data bundled for the browser', () => {
  it('is the data the Node loader reads', () => {
    const load = (s: { load(): unknown }[]): unknown[] => s.map((x) => x.load());
    expect(load(browserData.builtinProfileSources())).toEqual(load(nodeData.builtinProfileSources()));
    for (const name of readdirSync(path.join(repoRoot, 'schemas')).filter((f) => f.endsWith('.json'))) {
      expect(browserData.schemaSource(name).load(), name).toEqual(nodeData.schemaSource(name).load());
    }
    const vocab = path.join(repoRoot, 'src', 'vocabulary');
    const domains = (() => {
      try {
        return readdirSync(vocab).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
      } catch {
        return [];
      }
    })();
    for (const d of domains) expect(browserData.vocabularySource(d).load(), d).toEqual(nodeData.vocabularySource(d).load());
    const pkg = nodeData.packageJsonSource().load() as { name: string; version: string };
    expect(browserData.packageJsonSource().load()).toMatchObject({ name: pkg.name, version: pkg.version });
  });

  it('says plainly that files cannot be read in the browser, and which data is missing', () => {
    expect(() => browserData.jsonFileSource('/x/p.json').load()).toThrow(/cannot be read here/);
    expect(() => browserData.vocabularySource('no-such-domain').load()).toThrow(/no-such-domain\.json is not part of this build/);
  });
});
