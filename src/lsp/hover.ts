import type { Hover } from 'vscode-languageserver';
import type { Profile } from '../config/types.js';
import type { LintOptions } from '../lint.js';
import { modelDocument } from '../lint.js';
import type { Report } from '../model/types.js';
import type { Breakdown, Figure } from '../model/figures/types.js';
import { cellName, checkRelations, officialTablesFor, partName, templateOf, type RelationCheck, type TableTemplate } from '../model/tables/index.js';
import type { SourceDocument } from '../read/types.js';
import type { Locale } from '../rules/types.js';
import { localise } from '../i18n/index.js';

/**
 * Hover on a figure the rules check: a total cell of an official table shows the relation it was
 * checked against, with every part and their sum; a total in the prose shows the parts listed
 * after it and their sum.
 */

const WORDS = {
  holds: { zh: '成立', en: 'holds' },
  fails: { zh: '不成立', en: 'does not hold' },
  cellTitle: { zh: '**{cell}**：{relation}', en: '**{cell}**: {relation}' },
  partOf: { zh: '计入 {cell}：{relation}', en: 'counted in {cell}: {relation}' },
  prose: { zh: '**总数 {total}**，分项（{marker}）：{expr} = {sum}', en: '**total {total}**, parts ({marker}): {expr} = {sum}' },
  proseOpen: { zh: '列举未穷尽（{mark}），分项之和少于总数不算错误', en: 'the list is not complete ({mark}); parts adding up to less than the total is not an error' },
  proseOverlap: { zh: '按渠道分列，同一信息可能重复计数', en: 'counted by channel: one item may be counted more than once' },
  proseApprox: { zh: '含约数，不核对', en: 'approximate figures: not checked' },
  share: { zh: '**{percent}%** = {part} ÷ {whole} = {computed}%', en: '**{percent}%** = {part} ÷ {whole} = {computed}%' },
  blank: { zh: '空白', en: 'blank' },
  zeros: { zh: '其余 {n} 项为 0', en: '{n} more at 0' },
  unchecked: { zh: '（表格结构不确定，未核对合计）', en: '(the table structure is unsure; sums were not checked)' },
};

/** The report model of a linted document, rebuilt on demand and kept while the document does not change. */
export class ModelCache {
  private key: SourceDocument | undefined;
  private value: { report: Report; profile: Profile } | undefined;

  get(source: SourceDocument, options: LintOptions): { report: Report; profile: Profile } | undefined {
    if (this.key === source) return this.value;
    this.key = source;
    try {
      this.value = modelDocument(source, options);
    } catch {
      this.value = undefined;
    }
    return this.value;
  }
}

const inside = (offset: number, r: { start: number; end: number }): boolean => offset >= r.start && offset <= r.end;

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** One side of a relation: its non-zero cells with their names, the zeros counted. */
function sideText(tpl: TableTemplate, c: RelationCheck, refs: RelationCheck['left'], locale: Locale): string {
  const nameOf = (r: RelationCheck['left'][number]): string =>
    c.row !== undefined ? partName(tpl, r.column, 'column') : c.column !== undefined ? partName(tpl, r.row, 'row') : cellName(tpl, r.row, r.column).replace(/^“|”$/g, '');
  const shown = refs.length <= 3 ? refs : refs.filter((r) => r.cell.value !== null && r.cell.value !== 0);
  const parts = shown.map((r) => `${r.cell.value === null ? localise(WORDS.blank, locale) : num(r.cell.value)}（${nameOf(r)}）`);
  const rest = refs.length - shown.length;
  if (rest > 0) parts.push(localise(WORDS.zeros, locale, { n: rest }));
  return parts.join(' + ') || '0';
}

function relationLines(tpl: TableTemplate, c: RelationCheck, locale: Locale): string {
  const op = c.relation.kind === 'at-most' ? (c.holds ? '≤' : '>') : c.holds ? '=' : '≠';
  const verdict = localise(c.holds ? WORDS.holds : WORDS.fails, locale);
  const lines = [`${num(c.leftSum)} ${op} ${num(c.rightSum)}：${verdict}`, ''];
  if (c.left.length > 1) lines.push(`- ${num(c.leftSum)} = ${sideText(tpl, c, c.left, locale)}`);
  lines.push(`- ${num(c.rightSum)} = ${sideText(tpl, c, c.right, locale)}`);
  return lines.join('\n');
}

function tableHover(report: Report, profile: Profile, offset: number, locale: Locale): { text: string; range: { start: number; end: number } } | undefined {
  for (const table of officialTablesFor(report, profile)) {
    if (!inside(offset, table.range)) continue;
    const tpl = templateOf(table, profile);
    if (!tpl) continue;
    const checks = checkRelations(table, tpl);
    const sure = !table.issues.some((i) => i.kind === 'missing-column' || i.kind === 'unknown-column');
    for (const [rowId, row] of Object.entries(table.cells)) {
      for (const [colId, cell] of Object.entries(row)) {
        if (!inside(offset, cell.range)) continue;
        const name = cellName(tpl, rowId, colId);
        const asTotal = checks.filter((c) => c.left.some((r) => r.cell === cell));
        const asPart = checks.filter((c) => c.right.some((r) => r.cell === cell));
        const out: string[] = [];
        for (const c of asTotal) out.push(localise(WORDS.cellTitle, locale, { cell: name, relation: c.relation.title[locale] }), relationLines(tpl, c, locale));
        for (const c of asPart.slice(0, 3)) out.push(localise(WORDS.partOf, locale, { cell: cellName(tpl, c.left[0]!.row, c.left[0]!.column), relation: c.relation.title[locale] }));
        if (!out.length) return undefined;
        if (!sure) out.push(localise(WORDS.unchecked, locale));
        return { text: out.join('\n\n'), range: cell.range };
      }
    }
  }
  return undefined;
}

function figureText(f: Figure): string {
  return num(f.value);
}

function proseHover(report: Report, offset: number, locale: Locale): { text: string; range: { start: number; end: number } } | undefined {
  const b: Breakdown | undefined = report.breakdowns.find((x) => inside(offset, x.total.range));
  if (b) {
    const sum = b.parts.reduce((a, p) => a + p.value, 0);
    const lines = [
      localise(WORDS.prose, locale, { total: `${figureText(b.total)}${b.total.unit ?? ''}`, marker: b.marker, expr: b.parts.map((p) => `${p.core || p.subject} ${figureText(p)}`).join(' + '), sum: num(sum) }),
    ];
    if (b.total.approx || b.parts.some((p) => p.approx)) lines.push(localise(WORDS.proseApprox, locale));
    else {
      lines.push(`${num(sum)} ${sum === b.total.value ? '=' : '≠'} ${figureText(b.total)}`);
      if (b.open) lines.push(localise(WORDS.proseOpen, locale, { mark: b.openMark ?? '…' }));
      if (b.overlapping) lines.push(localise(WORDS.proseOverlap, locale));
    }
    return { text: lines.join('\n\n'), range: b.total.range };
  }
  const s = report.shares.find((x) => inside(offset, x.percent.range) && x.part && x.whole && x.whole.value !== 0);
  if (s) {
    const computed = (s.part!.value / s.whole!.value) * 100;
    return {
      text: localise(WORDS.share, locale, { percent: figureText(s.percent), part: figureText(s.part!), whole: figureText(s.whole!), computed: computed.toFixed(Math.max(s.percent.decimals, 2)) }),
      range: s.percent.range,
    };
  }
  return undefined;
}

/**
 * The offset in the text read of an offset in the document as decoded: where the reader normalised
 * the text (hard-wrapped lines re-joined, page numbers dropped, …) the two differ after the first
 * change. The last offset of the text read that maps at or before `offset` (`toOriginal` never goes back).
 */
export function readOffset(source: SourceDocument, offset: number): number {
  const map = source.toOriginal;
  if (!map) return offset;
  let lo = 0;
  let hi = source.text.length;
  if (map(lo) > offset) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The offset in the document as decoded of an offset in the text read. */
export function documentOffset(source: SourceDocument, offset: number): number {
  return source.toOriginal ? source.toOriginal(offset) : offset;
}

/** What to show on hover at an offset of the text read, or undefined for nothing. */
export function hoverAt(model: { report: Report; profile: Profile }, offset: number, locale: Locale): { text: string; range: { start: number; end: number } } | undefined {
  return tableHover(model.report, model.profile, offset, locale) ?? proseHover(model.report, offset, locale);
}

export type { Hover };
