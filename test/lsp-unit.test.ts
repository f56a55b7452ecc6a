import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readName, lintTextDocument, DEFAULT_SETTINGS } from '../src/lsp/lint.js';
import { readSettings } from '../src/lsp/server.js';
import { WorkspaceConfigs } from '../src/lsp/config.js';
import { lintText } from '../src/lint.js';
import { repoRoot } from './helpers/corpus.js';
import { tempDir } from './helpers/cli.js';

const SAMPLE = path.join(repoRoot, 'fixtures/samples/2023-year-mismatch.txt');

describe('how the server names what it reads', () => {
  it.each([
    ['file:///home/a/%E6%8A%A5%E5%91%8A.md', 'markdown', '/home/a/报告.md'],
    ['file:///home/a/report.txt', 'plaintext', '/home/a/report.txt'],
    ['file:///home/a/report.txt', 'markdown', '/home/a/report.txt'],
    ['file:///home/a/notes', 'markdown', '/home/a/notes.md'],
    ['file:///home/a/page.html', 'html', '/home/a/page.html'],
    ['file:///home/a/report.rst', 'restructuredtext', '/home/a/report.rst'],
    ['untitled:Untitled-1', 'markdown', 'Untitled-1.md'],
    ['untitled:Untitled-2', 'plaintext', 'Untitled-2.txt'],
    ['untitled:%E0%A4%A', 'plaintext', '%E0%A4%A.txt'],
  ])('%s (%s) is read as %s', (uri, languageId, name) => {
    expect(readName(uri, languageId).name).toBe(name);
  });
});

describe('settings from the editor', () => {
  it('keeps what is well formed and ignores the rest', () => {
    expect(readSettings({ locale: 'en', profile: ' format-2019 ', debounce: 80, docsUrl: 'https://x/{rule}', enable: false, configFile: 'cfg/.ogilintrc.json' })).toEqual({
      locale: 'en',
      profile: 'format-2019',
      debounce: 80,
      docsUrl: 'https://x/{rule}',
      enable: false,
      configFile: 'cfg/.ogilintrc.json',
    });
    expect(readSettings({ locale: 'fr', profile: 3, debounce: -1, docsUrl: 'https://x/', enable: 'no' })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ debounce: 1e9 }).debounce).toBe(5000);
  });
});

describe('linting an editor document in process', () => {
  const ws = tempDir();
  const configs = new WorkspaceConfigs(() => undefined);
  configs.setFolders([ws]);
  const ctx = { configs, settings: { ...DEFAULT_SETTINGS, docsUrl: 'https://example.invalid/{rule}' } };
  const text = readFileSync(SAMPLE, 'utf8');

  it('gives lintText findings as diagnostics, with rule links', () => {
    const lint = lintTextDocument(TextDocument.create(pathToFileURL(path.join(ws, 'a.txt')).href, 'plaintext', 3, text), ctx);
    const expected = lintText(text, 'a.txt').messages;
    expect(lint.version).toBe(3);
    expect(lint.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual(expected.map((m) => [m.ruleId, m.line, m.column, m.message]));
    expect(lint.diagnostics.every((d) => d.codeDescription?.href === `https://example.invalid/${d.code}`)).toBe(true);
  });

  it('keeps positions right when the text starts with a byte-order mark', () => {
    const plain = lintTextDocument(TextDocument.create('untitled:x', 'plaintext', 1, text), ctx);
    const withBom = lintTextDocument(TextDocument.create('untitled:x', 'plaintext', 1, `\uFEFF${text}`), ctx);
    const shift = (d: (typeof plain.diagnostics)[number]) => ({ ...d.range.start, character: d.range.start.character + (d.range.start.line === 0 ? 1 : 0) });
    expect(withBom.diagnostics.map((d) => d.range.start)).toEqual(plain.diagnostics.map(shift));
    expect(withBom.diagnostics.length).toBeGreaterThan(0);
  });

  it('publishes nothing for an empty document', () => {
    expect(lintTextDocument(TextDocument.create('untitled:y', 'markdown', 1, ' \n\n'), ctx).diagnostics).toEqual([]);
  });
});

describe('the VS Code extension', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'editors/vscode/package.json'), 'utf8')) as {
    main: string;
    contributes: { configuration: { properties: Record<string, { default?: unknown }> }; languages: { id: string }[] };
    dependencies: Record<string, string>;
  };
  const client = readFileSync(path.join(repoRoot, 'editors/vscode', manifest.main), 'utf8');

  it('contributes a setting for everything the server reads, with the server’s defaults, and passes each on', () => {
    const props = manifest.contributes.configuration.properties;
    const all = readSettings({ locale: 'en', profile: 'legacy', configFile: 'x.json', debounce: 1, docsUrl: 'u/{rule}', enable: false });
    for (const key of Object.keys(all)) {
      expect(props, key).toHaveProperty([`ogi-lint.${key}`]);
      expect(client, key).toMatch(new RegExp(`\\b${key}: (?:cfg\\.get|text)\\('${key}'\\)`));
    }
    expect(props['ogi-lint.debounce']!.default).toBe(DEFAULT_SETTINGS.debounce);
    expect(props['ogi-lint.enable']!.default).toBe(DEFAULT_SETTINGS.enable);
  });

  it('starts the server the package installs, with an exactly pinned client library', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(client).toContain(`'${path.basename(pkg.bin['ogi-lint-language-server']!)}'`);
    expect(manifest.dependencies['vscode-languageclient']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.contributes.languages.map((l) => l.id)).toContain('ogi-report');
  });
});
