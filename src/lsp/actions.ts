import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspEdit } from 'vscode-languageserver';
import type { LintMessage, TextEdit } from '../diagnostic.js';
import { applyFixes } from '../fix/index.js';
import { localise } from '../i18n/index.js';
import type { Locale } from '../rules/types.js';
import type { DocumentLint } from './lint.js';

/** The fix-all action kind, as ESLint's extension names it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ogi-lint`;

const WORDS = {
  fix: { zh: '修复：{message}', en: 'Fix: {message}' },
  disableLine: { zh: '在此行停用规则 {rule}', en: 'Disable {rule} for this line' },
  disableTable: { zh: '在此表格停用规则 {rule}', en: 'Disable {rule} for this table' },
  disableFile: { zh: '在整个文件停用规则 {rule}', en: 'Disable {rule} for the entire file' },
  fixAll: { zh: '修复所有可自动修复的问题（ogi-lint）', en: 'Fix all auto-fixable problems (ogi-lint)' },
};

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The finding behind a diagnostic the client sends back (matched on rule, range and message). */
function findingFor(lint: DocumentLint, d: Diagnostic): LintMessage | undefined {
  const i = lint.diagnostics.findIndex((x) => x.code === d.code && x.message === d.message && sameRange(x.range, d.range));
  return i >= 0 ? lint.messages[i] : undefined;
}

/** A fix (offsets in the text read) as an edit of the editor's document. */
function toEdit(document: TextDocument, fix: TextEdit, shift: number): LspEdit {
  return { range: { start: document.positionAt(fix.range[0] + shift), end: document.positionAt(fix.range[1] + shift) }, newText: fix.text };
}

function editAction(title: string, document: TextDocument, edits: LspEdit[], diagnostic: Diagnostic | undefined, preferred: boolean, kind: string = CodeActionKind.QuickFix): CodeAction {
  const a: CodeAction = { title, kind, edit: { changes: { [document.uri]: edits } } };
  if (diagnostic) a.diagnostics = [diagnostic];
  if (preferred) a.isPreferred = true;
  return a;
}

/** The lines of a GFM table around a line, or undefined when the line is not in one. */
function tableAround(lines: string[], line: number): { first: number; last: number } | undefined {
  const inTable = (s: string | undefined): boolean => s !== undefined && s.trim() !== '' && /\|/.test(s);
  if (!inTable(lines[line])) return undefined;
  let first = line;
  let last = line;
  while (inTable(lines[first - 1])) first--;
  while (inTable(lines[last + 1])) last++;
  // a GFM table has a delimiter row (| --- | --- |) as its second line
  if (!/^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(lines[first + 1] ?? '')) return undefined;
  return { first, last };
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/**
 * Actions that write an inline comment turning a rule off (Markdown only: plain text has no
 * comments). A finding inside a table turns the rule off around the table, since a line put
 * between its rows would break the table.
 */
function disableActions(document: TextDocument, d: Diagnostic, ruleId: string, locale: Locale): CodeAction[] {
  const text = document.getText();
  const eol = eolOf(text);
  const lines = text.split(/\r\n|\r|\n/);
  const line = d.range.start.line;
  const indent = /^[ \t]*/.exec(lines[line] ?? '')![0];
  const out: CodeAction[] = [];
  const table = tableAround(lines, line);
  if (table) {
    const at = (l: number) => ({ line: l, character: 0 });
    const after = table.last + 1 < lines.length ? { range: { start: at(table.last + 1), end: at(table.last + 1) }, newText: `<!-- ogi-lint-enable ${ruleId} -->${eol}` } : { range: { start: { line: table.last, character: lines[table.last]!.length }, end: { line: table.last, character: lines[table.last]!.length } }, newText: `${eol}<!-- ogi-lint-enable ${ruleId} -->` };
    out.push(
      editAction(localise(WORDS.disableTable, locale, { rule: ruleId }), document, [{ range: { start: at(table.first), end: at(table.first) }, newText: `<!-- ogi-lint-disable ${ruleId} -->${eol}` }, after], d, false),
    );
  } else {
    out.push(
      editAction(
        localise(WORDS.disableLine, locale, { rule: ruleId }),
        document,
        [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- ogi-lint-disable-next-line ${ruleId} -->${eol}` }],
        d,
        false,
      ),
    );
  }
  out.push(
    editAction(
      localise(WORDS.disableFile, locale, { rule: ruleId }),
      document,
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `<!-- ogi-lint-disable ${ruleId} -->${eol}${eol}` }],
      d,
      false,
    ),
  );
  return out;
}

/**
 * Code actions for the diagnostics the client asks about: the rule's fix (preferred) and its
 * suggestions, then comments that turn the rule off; and "fix all" when asked for source actions.
 */
export function codeActions(document: TextDocument, lint: DocumentLint | undefined, diagnostics: Diagnostic[], only: string[] | undefined, locale: Locale): CodeAction[] {
  if (!lint || lint.version !== document.version) return [];
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  const markdown = lint.source?.kind === 'markdown';
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      if (d.source !== 'ogi-lint') continue;
      const m = findingFor(lint, d);
      if (!m) continue;
      const seen = new Set<string>();
      const add = (title: string, fix: TextEdit, preferred: boolean): void => {
        const key = `${fix.range[0]}:${fix.range[1]}:${fix.text}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push(editAction(title, document, [toEdit(document, fix, lint.shift)], d, preferred));
      };
      const suggestion = m.suggestions?.find((s) => s.fix && m.fix && s.fix.range[0] === m.fix.range[0] && s.fix.range[1] === m.fix.range[1] && s.fix.text === m.fix.text);
      if (m.fix) add(suggestion?.desc ?? localise(WORDS.fix, locale, { message: m.message }), m.fix, true);
      for (const s of m.suggestions ?? []) if (s.fix) add(s.desc, s.fix, !m.fix && (m.suggestions?.length ?? 0) === 1);
      if (markdown && m.ruleId && !m.fatal) out.push(...disableActions(document, d, m.ruleId, locale));
    }
  }
  if (wants(FIX_ALL_KIND) && (only?.length || diagnostics.length)) {
    const all = fixAll(document, lint, locale);
    if (all && (only?.length || out.some((a) => a.isPreferred))) out.push(all);
  }
  return out;
}

/** Every fix that does not overlap another, as one action. */
export function fixAll(document: TextDocument, lint: DocumentLint, locale: Locale): CodeAction | undefined {
  const fixable = lint.messages.filter((m): m is LintMessage => Boolean(m?.fix));
  if (!fixable.length || !lint.source) return undefined;
  const { applied } = applyFixes(lint.source.text, fixable);
  if (!applied.length) return undefined;
  const edits = applied.map((m) => toEdit(document, m.fix!, lint.shift));
  return editAction(localise(WORDS.fixAll, locale), document, edits, undefined, false, FIX_ALL_KIND);
}
