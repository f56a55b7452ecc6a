import { defineRule } from '../src/rules/types.js';
import { TABLE4_HEADER } from '../src/rules/example-texts.js';
import { blocksInOtherFormat, knownTemplates, officialTablesFor, partName, templateOf } from '../src/model/tables/index.js';
import type { SourceRange } from '../src/util/mapped-text.js';

export default defineRule<Record<string, never>>({
  id: 'table-structure',
  description: {
    zh: '识别出的官方表格须有格式规定的全部行和列，不得多出、改名或错位；结构不能确定时予以说明，且不据以核对合计',
    en: 'An official table has every row and column its format sets, none extra, renamed or misplaced; where the structure is unsure this says so, and sums are not checked on guesses',
  },
  severity: 'error',
  generations: ['legacy', 'format-2019', 'format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    missingRow: { zh: '{table}缺少“{row}”行', en: '{table} lacks the row “{row}”' },
    missingColumn: {
      zh: '{table}的表头缺少“{column}”栏，各列无法确定，合计关系未核对',
      en: '{table}: the header lacks “{column}”; the columns are unsure, so sums were not checked',
    },
    unknownColumn: { zh: '表头“{text}”不是{table}的栏目', en: 'header “{text}” is not a column of {table}' },
    unknownRow: { zh: '“{text}”不是{table}的行', en: '“{text}” is not a row of {table}' },
    cellCount: {
      zh: '“{row}”行有 {actual} 个数值单元格，应为 {expected} 个，无法确定各值所属的列，该行未核对合计',
      en: 'row “{row}” has {actual} value cells instead of {expected}; its values cannot be placed, so its sums were not checked',
    },
    cellCountData: {
      zh: '{table}的数据行有 {actual} 个数值单元格，应为 {expected} 个，无法确定各值所属的栏，合计未核对',
      en: '{table}: the data row has {actual} value cells instead of {expected}; its values cannot be placed, so sums were not checked',
    },
    order: { zh: '“{row}”行位置不对，应排在“{before}”之前', en: 'row “{row}” is out of place; it belongs before “{before}”' },
    duplicate: { zh: '“{text}”行重复出现', en: 'row “{text}” appears twice' },
    noValues: {
      zh: '无法核对“{table}”：只剩行列名称，表中数字缺失（可能在复制时丢失）',
      en: 'cannot check table “{table}”: only its row and column labels are there; its figures are missing (lost in copying?)',
    },
    cellCountUnsure: {
      zh: '无法核对“{table}”：数字与行列对不上，空白单元格可能在复制时丢失，无法确定各数字所属的行和列',
      en: 'cannot check table “{table}”: its figures do not fit its rows (empty cells may have been lost in copying), so they cannot be placed',
    },
    runTogether: {
      zh: '无法核对“{table}”：单元格中的数字连在一起，没有分隔，无法分开各栏',
      en: 'cannot check table “{table}”: the digits of its cells run together without separators and cannot be split into columns',
    },
    columnOrder: {
      zh: '无法核对“{table}”：单元格逐列而不是逐行排列，无法确定各数字所属的行',
      en: 'cannot check table “{table}”: its cells are given column by column, not row by row, so the figures cannot be placed in their rows',
    },
    groupValues: { zh: '“{text}”是分项标题行，不应填写数值', en: '“{text}” heads a group of rows and takes no values' },
  },
  examples: {
    valid: [
      {
        title: '表四三组十五栏齐全',
        text: `${TABLE4_HEADER}0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '表四少填一栏',
        text: `${TABLE4_HEADER}0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
        expected: [
          {
            line: 6,
            column: 1,
            endLine: 6,
            endColumn: 54,
            message: '“政府信息公开行政复议、行政诉讼情况”表的数据行有 14 个数值单元格，应为 15 个，无法确定各值所属的栏，合计未核对',
            expected: 15,
            actual: 14,
          },
        ],
      },
    ],
  },
  check({ report, profile, emit }) {
    // tables found but not readable with certainty: said once each (table-missing says it for the tables of formats 2019 and 2021)
    if (profile.generation === 'legacy') {
      for (const f of report.official.flattened) {
        const tpl = knownTemplates(profile).find((t) => t.id === f.template);
        const table = (tpl?.title ?? f.kind).replace(/^[一二三四五六七八九十]+、/, '');
        const messageId = ({ 'no-values': 'noValues', 'cell-count': 'cellCountUnsure', 'run-together': 'runTogether', 'column-order': 'columnOrder' } as const)[f.reason];
        emit({ messageId, data: { table }, range: f.range, severity: 'warning' });
      }
    }
    for (const table of officialTablesFor(report, profile)) {
      const tpl = templateOf(table, profile);
      if (!tpl) continue;
      const name = `“${tpl.title.replace(/^[一二三四五六七八九十]+、/, '')}”表`;
      const allRows = tpl.blocks.flatMap((b) => b.rows);
      const index = (id: string): number => allRows.findIndex((r) => r.id === id);
      // where a missing row belongs: at the next row found after it, else after the last
      const placeOf = (id: string): SourceRange => {
        const i = index(id);
        const next = table.rows.filter((r) => index(r.id) > i).sort((a, b) => index(a.id) - index(b.id))[0];
        if (next) return next.range;
        const last = table.rows[table.rows.length - 1];
        return last ? { start: last.range.end, end: last.range.end } : table.range;
      };
      // a header with another generation's columns is format-version's finding
      const otherFormat = blocksInOtherFormat(table, tpl, profile);
      for (const issue of table.issues) {
        if ((issue.kind === 'missing-column' || issue.kind === 'unknown-column') && issue.block && otherFormat.has(issue.block)) continue;
        switch (issue.kind) {
          case 'missing-row':
            emit({ messageId: 'missingRow', data: { table: name, row: String(issue.expected) }, range: placeOf(issue.row!), expected: String(issue.expected), actual: null });
            break;
          case 'missing-column':
            emit({ messageId: 'missingColumn', data: { table: name, column: String(issue.expected) }, range: issue.range, expected: String(issue.expected), actual: null });
            break;
          case 'unknown-column':
            emit({ messageId: 'unknownColumn', data: { table: name, text: issue.text ?? '' }, range: issue.range, severity: 'warning', actual: issue.text ?? null });
            break;
          case 'unknown-row':
            emit({ messageId: 'unknownRow', data: { table: name, text: issue.text ?? '' }, range: issue.range, severity: 'warning', actual: issue.text ?? null });
            break;
          case 'cell-count':
            emit({
              messageId: issue.row ? 'cellCount' : 'cellCountData',
              data: { table: name, row: issue.row ? partName(tpl, issue.row, 'row') : '', expected: issue.expected ?? '', actual: issue.actual ?? '' },
              range: issue.range,
              expected: issue.expected,
              actual: issue.actual,
            });
            break;
          case 'order':
            emit({ messageId: 'order', data: { row: String(issue.actual), before: String(issue.expected) }, range: issue.range, severity: 'warning' });
            break;
          case 'duplicate-row':
            emit({ messageId: 'duplicate', data: { text: issue.text ?? '' }, range: issue.range });
            break;
          case 'group-values':
            // a generation's heading row with values is the other generation's single row: format-version says so
            if (table.generation === report.generation) emit({ messageId: 'groupValues', data: { text: issue.text ?? '' }, range: issue.range, severity: 'warning' });
            break;
        }
      }
    }
  },
});
