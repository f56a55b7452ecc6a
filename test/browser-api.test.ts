/**
 * The library's in-memory entry (src/browser.ts, what the web page runs) gives the command line's
 * findings for the same bytes, and places every finding in the report view; the browser's data
 * module bundles exactly the data the Node loader reads.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides, ConfigError, configFromTexts, lintBuffer, lintForView, lintText, formatters, profiles } from '../src/browser.js';
import { lintFiles } from '../src/index.js';
import { ensureBuilt, run, runMain, tempDir, writeTree } from './helpers/cli.js';
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

describe('the report year given by the caller (reportYear, --year)', () => {
  // the command line (dist/), built when missing or older than its sources
  beforeAll(() => ensureBuilt(), 300_000);
  const reports = ['fixtures/samples/2021-qinghe-clean.md', 'fixtures/samples/2023-year-mismatch.txt', 'fixtures/corpus/full/2016-pingtan-1.txt'].map((f) => path.join(repoRoot, f));

  it.each(reports.map((f) => [path.basename(f), f]))('is the year the checks take, and lintBuffer agrees with lintFiles for each: %s', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const stated = (await lintBuffer(bytes, file)).report!.year!;
    for (let year = 2015; year <= 2026; year++) {
      const got = await lintBuffer(bytes, file, { reportYear: year });
      const [expected] = await lintFiles([file], { useConfig: false, reportYear: year });
      expect(got.messages.map(shape), String(year)).toEqual(expected!.messages.map(shape));
      expect(got.report!.year).toBe(year);
      // the format follows the year given
      expect(got.report!.profile, String(year)).toBe(year >= 2021 ? 'format-2021' : year >= 2019 ? 'format-2019' : 'legacy');
      if (year === stated) expect(got.messages.map(shape)).toEqual((await lintBuffer(bytes, file)).messages.map(shape));
    }
  });

  it('is given on the command line as --year, and a value that is not a year is refused', async () => {
    const file = reports[0]!;
    const r = run([file, '--year', '2024', '--format', 'json']);
    expect(r.code).toBe(1);
    const got = await lintBuffer(new Uint8Array(readFileSync(file)), file, { reportYear: 2024 });
    expect((JSON.parse(r.stdout) as { messages: LintMessage[] }[])[0]!.messages.map(shape)).toEqual(got.messages.map(shape));
    const refused = run([file, '--year=20x4', '--locale', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--year "20x4" is not a year');
    // the other values through the same main, in this process
    for (const bad of ['24', '1800', '2024.5', '']) {
      const b = await runMain([file, `--year=${bad}`, '--locale', 'en']);
      expect(b.code, bad).toBe(2);
      expect(b.stderr, bad).toContain(`--year "${bad}" is not a year`);
    }
  });

  it('draws the statistics-period finding when a clean report is set to another year', () => {
    const text = readFileSync(reports[0]!, 'utf8');
    expect(lintText(text, 'r.md').messages.filter((m) => m.ruleId === 'stats-period')).toEqual([]);
    for (const year of [2019, 2020, 2022, 2024]) {
      const m = lintText(text, 'r.md', { reportYear: year }).messages.filter((x) => x.ruleId === 'stats-period');
      expect(m, String(year)).toHaveLength(1);
      expect(m[0]!.expected).toBe(`${year}年1月1日至${year}年12月31日`);
    }
  });
});

describe('configuration given as text (configFromTexts)', () => {
  const profile = { id: 'p-2021', generation: 'format-2021', name: { zh: '甲', en: 'A' }, extends: 'format-2021', sections: [], deadlines: { body: '01-10', summary: '03-10' } };
  /** Configuration folders: each file as the command line reads it with --config, and as the page is given it. */
  const variants: Record<string, Record<string, unknown>> = {
    'rules and severities': { '.ogilintrc.json': { rules: { 'stats-period': 'off', 'report-year': 'warn', 'stale-date': 2 } } },
    'a profile by path in extends': { '.ogilintrc.json': { extends: './p.json' }, 'p.json': profile },
    'a profile listed and forced': { '.ogilintrc.json': { profiles: ['./p.json'], profile: 'p-2021', rules: { 'contact-info': ['warn'] } }, 'p.json': profile },
    overrides: { '.ogilintrc.json': { rules: { 'report-title': 'warn' }, overrides: [{ files: ['*.txt'], rules: { 'report-title': 'off' } }, { files: '*.md', excludedFiles: 'x*', profile: 'format-2019' }] } },
    'package.json': { 'package.json': { name: 'x', 'ogi-lint': { rules: { 'stats-period': 'warn' } } } },
    'package.json without the key': { 'package.json': { name: 'x' } },
    'misspelt rule': { '.ogilintrc.json': { rules: { 'stats-perod': 'off' } } },
    'bad severity': { '.ogilintrc.json': { rules: { 'stats-period': 'loud' } } },
    'bad options': { '.ogilintrc.json': { rules: { 'required-sections': ['warn', { nonsense: true }] } } },
    'not an object': { '.ogilintrc.json': [1, 2] },
    'unknown profile id': { '.ogilintrc.json': { extends: 'format-2012' } },
    'unknown profile in overrides': { '.ogilintrc.json': { overrides: [{ files: '*', profile: 'nope' }] } },
    'missing profile file': { '.ogilintrc.json': { profiles: ['./gone.json'] } },
    'profile that breaks its schema': { '.ogilintrc.json': { profiles: ['./p.json'] }, 'p.json': { ...profile, generation: 'format-2030' } },
    'profile that extends itself': { '.ogilintrc.json': { profiles: ['./p.json'], profile: 'p-2021' }, 'p.json': { ...profile, extends: 'p-2021' } },
  };
  /** the first five are usable; the rest are refused */
  const usable = new Set(Object.keys(variants).slice(0, 5));
  const reports = ['fixtures/samples/2021-missing-parts.txt', 'fixtures/corpus/full/2025-shuyang-1.md'].map((f) => path.join(repoRoot, f));

  it.each(Object.entries(variants))('gives what --config gives for the same files: %s', async (label, files) => {
    const dir = tempDir();
    writeTree(dir, files as Record<string, object>);
    const configName = Object.keys(files).find((f) => f.endsWith('.json') && (f === 'package.json' || f === '.ogilintrc.json'))!;
    const texts = Object.keys(files).map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
    for (const report of reports) {
      const copy = path.join(dir, path.basename(report));
      writeTree(dir, { [path.basename(report)]: readFileSync(report, 'utf8') });
      let cli: unknown;
      try {
        const [r] = await lintFiles([copy], { configFile: path.join(dir, configName) });
        cli = r!.messages.map(shape);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        // the command line names files by path, the page by name
        cli = { zh: (e as ConfigError).in('zh'), en: (e as ConfigError).in('en') };
        cli = JSON.parse(JSON.stringify(cli).replaceAll(`${dir}${path.sep}`, ''));
      }
      let page: unknown;
      try {
        const resolved = configFromTexts(texts);
        const own = applyOverrides(resolved, `/${path.basename(report)}`);
        const r = await lintBuffer(new Uint8Array(readFileSync(copy)), copy, { config: own.config, extraProfiles: resolved.extraProfiles });
        page = r.messages.map(shape);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        page = { zh: (e as ConfigError).in('zh'), en: (e as ConfigError).in('en') };
      }
      expect(page, path.basename(report)).toEqual(cli);
      expect(Array.isArray(page), `${label}: ${JSON.stringify(page).slice(0, 300)}`).toBe(usable.has(label));
    }
  });

  it('ignores the files the ignorePatterns name, as the configuration files on disk do', async () => {
    const { ConfigLoader } = await import('../src/config/load.js');
    const patterns = ['drafts/', '*.txt', '!keep.txt', 'old-*', 'a/b/**'];
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, ignorePatterns: patterns } });
    const resolved = configFromTexts([{ name: '.ogilintrc.json', text: readFileSync(path.join(dir, '.ogilintrc.json'), 'utf8') }]);
    const names = ['r.md', 'r.txt', 'keep.txt', 'old-2023.md', 'new.md', 'drafts/x.md', 'a/b/c/d.md', 'a/x.md', 'drafts'];
    const onDisk = new ConfigLoader({ configFile: path.join(dir, '.ogilintrc.json') });
    const want = names.map((n) => onDisk.forFile(path.join(dir, n)).isIgnored(path.join(dir, n)));
    // the patterns say something: some names are ignored, some not
    expect(new Set(want)).toEqual(new Set([true, false]));
    expect(names.map((n) => resolved.isIgnored(`/${n}`))).toEqual(want);
    expect(names.map((n) => resolved.isIgnored(n))).toEqual(want);
  });

  it('takes one configuration file at most, and offers the profiles given', () => {
    expect(() =>
      configFromTexts([
        { name: '.ogilintrc.json', text: '{}' },
        { name: 'package.json', text: '{"ogi-lint":{}}' },
      ]),
    ).toThrow(/only one configuration file/);
    const r = configFromTexts([{ name: 'p.json', text: JSON.stringify(profile) }]);
    expect(r.config).toEqual({});
    expect(profiles(r.extraProfiles).map((p) => p.id)).toContain('p-2021');
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
