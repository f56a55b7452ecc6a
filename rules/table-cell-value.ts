import { defineRule } from '../src/rules/types.js';
import { TABLE4_HEADER } from '../src/rules/example-texts.js';
import { cellName, officialTablesFor, partName, tableRelations, templateOf } from '../src/model/tables/index.js';
import type { BlockTemplate, ExtractedCell } from '../src/model/tables/index.js';

interface Options {
  /** which blank cells to warn about: `empty` (nothing written), `all` (also /, —, －), `off` */
  blanks: 'empty' | 'all' | 'off';
  /** warn about approximate values (约/余/多) */
  approximate: boolean;
}

export default defineRule<Options>({
  id: 'table-cell-value',
  description: {
    zh: '表格单元格须为有效数值：不得为文字、负数（本年增/减除外）或约数；空白单元格无法区分 0 与漏填，予以提示；总计空白而各项之和不为 0 属错误',
    en: 'Table cells hold valid values: no words, negative counts (except 本年增/减) or approximations; blank cells are flagged, since 0 cannot be told from a forgotten value; a blank total whose parts are not 0 is an error',
  },
  severity: 'error',
  generations: ['legacy', 'format-2019', 'format-2021'],
  optionsSchema: {
    type: 'object',
    properties: {
      blanks: { enum: ['empty', 'all', 'off'], description: 'blank cells to warn about: empty ones, also /, — and －, or none' },
      approximate: { type: 'boolean', description: 'warn about approximate values (约/余/多)' },
    },
    additionalProperties: false,
  },
  defaultOptions: { blanks: 'empty', approximate: true },
  messages: {
    invalid: { zh: '{cell}“{text}”不是有效的数值', en: '{cellEn}: “{text}” is not a valid value' },
    negative: { zh: '{cell}为负数 {text}，件数不能为负', en: '{cellEn} is negative ({text}); counts cannot be negative' },
    decimal: { zh: '{cell}为小数 {text}，此处应为整数', en: '{cellEn} has decimals ({text}); a whole number belongs here' },
    approximate: { zh: '{cell}“{text}”是约数，表中应填确切数字', en: '{cellEn}: “{text}” is approximate; the table needs an exact figure' },
    blankTotal: { zh: '{cell}空白，但其各项之和为 {expected}', en: '{cellEn} is blank, but its parts add up to {expected}' },
    blanks: {
      zh: '{table}有 {count} 个空白单元格（{rows}），无法区分是 0 还是漏填',
      en: '{tableEn} has blank cells, {count} in all ({rows}); 0 cannot be told from a forgotten value',
    },
  },
  examples: {
    valid: [
      {
        title: '表四全部填写数字',
        text: `${TABLE4_HEADER}0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '表四出现文字、约数和空白',
        text: `${TABLE4_HEADER}无 | 0 | 0 | 0 | 0 | 约2 | 0 | 0 | 0 | 2 |  | 0 | 0 | 0 | 0`,
        expected: [
          { line: 6, column: 1, endLine: 6, endColumn: 2, message: '“行政复议”的“结果维持”“无”不是有效的数值' },
          { line: 6, column: 21, endLine: 6, endColumn: 23, message: '“行政诉讼·未经复议直接起诉”的“结果维持”“约2”是约数，表中应填确切数字', severity: 'warning' },
          { line: 6, column: 43, endLine: 6, endColumn: 43, message: '“政府信息公开行政复议、行政诉讼情况”表有 1 个空白单元格（行政诉讼·复议后起诉），无法区分是 0 还是漏填', severity: 'warning' },
        ],
      },
      {
        title: '表四出现负数（件数不能为负）',
        text: `${TABLE4_HEADER}1 | 0 | 0 | 0 | 1 | 2 | -1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0`,
        expected: [{ line: 6, column: 25, endLine: 6, endColumn: 27, message: '“行政诉讼·未经复议直接起诉”的“结果纠正”为负数 -1，件数不能为负', actual: -1 }],
      },
      {
        title: '表四出现小数（件数应为整数）',
        text: `${TABLE4_HEADER}1.5 | 0.5 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
        expected: [
          { line: 6, column: 1, endLine: 6, endColumn: 4, message: '“行政复议”的“结果维持”为小数 1.5，此处应为整数', actual: 1.5 },
          { line: 6, column: 7, endLine: 6, endColumn: 10, message: '“行政复议”的“结果纠正”为小数 0.5，此处应为整数', actual: 0.5 },
        ],
      },
      {
        title: '表四“行政复议”总计空白，而各项之和为 2',
        text: `${TABLE4_HEADER}1 | 1 | 0 | 0 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
        expected: [{ line: 6, column: 18, endLine: 6, endColumn: 18, message: '“行政复议”的“总计”空白，但其各项之和为 2', expected: 2, actual: null }],
      },
    ],
  },
  check({ report, profile, options, emit }) {
    for (const table of officialTablesFor(report, profile)) {
      const tpl = templateOf(table, profile);
      if (!tpl) continue;
      // totals left blank although their parts are not zero
      const blankTotals = new Map<ExtractedCell, number>();
      for (const c of tableRelations(table, tpl)) {
        const total = c.left[0]!;
        if (c.relation.kind === 'sum' && total.cell.kind === 'blank' && c.rightSum !== 0) blankTotals.set(total.cell, c.rightSum);
      }
      // blanks: one warning per table, naming the rows that hold them
      const blanks: ExtractedCell[] = [];
      const blankRows: string[] = [];
      // for…in: the order of Object.entries without its pair per entry
      for (const rowId in table.cells) {
        const cols = table.cells[rowId]!;
        let block: BlockTemplate | undefined | null = null;
        // the cell's names are worded only for a cell that is reported
        const where = (colId: string, cell: ExtractedCell) => ({ cell: cellName(tpl, rowId, colId), cellEn: cellName(tpl, rowId, colId, 'en'), text: cell.text });
        for (const colId in cols) {
          const cell = cols[colId]!;
          if (cell.kind === 'invalid') emit({ messageId: 'invalid', data: where(colId, cell), range: cell.range, actual: cell.text });
          else if (cell.kind === 'approximate') {
            if (options.approximate) emit({ messageId: 'approximate', data: where(colId, cell), range: cell.range, severity: 'warning', actual: cell.text });
          } else if (cell.kind === 'number' && cell.value !== null) {
            // a whole number of 0 or more is valid in any column: the template is looked at only for the others
            if (cell.value >= 0 && Number.isInteger(cell.value)) continue;
            if (block === null) block = tpl.blocks.find((b) => b.rows.some((r) => r.id === rowId));
            const colT = block?.columns.find((c) => c.id === colId);
            if (cell.value < 0 && !colT?.signed) emit({ messageId: 'negative', data: where(colId, cell), range: cell.range, actual: cell.value });
            else if (!Number.isInteger(cell.value) && !colT?.decimals && !block?.rows.find((r) => r.id === rowId)?.decimals)
              emit({ messageId: 'decimal', data: where(colId, cell), range: cell.range, actual: cell.value });
          } else if (cell.kind === 'blank') {
            const sum = blankTotals.get(cell);
            if (sum !== undefined) emit({ messageId: 'blankTotal', data: { ...where(colId, cell), expected: sum }, range: cell.range, expected: sum, actual: null });
            else if (options.blanks === 'all' || (options.blanks === 'empty' && cell.text === '')) {
              blanks.push(cell);
              const name = partName(tpl, rowId, 'row');
              if (!blankRows.includes(name)) blankRows.push(name);
            }
          }
        }
      }
      if (blanks.length) {
        const sorted = [...blanks].sort((a, b) => a.range.start - b.range.start);
        const rows = blankRows.length > 5 ? `${blankRows.slice(0, 5).join('、')}…` : blankRows.join('、');
        emit({
          messageId: 'blanks',
          data: { table: `“${tpl.title.replace(/^[一二三四五六七八九十]+、/, '')}”表`, tableEn: `table “${tpl.title.replace(/^[一二三四五六七八九十]+、/, '')}”`, count: blanks.length, rows },
          range: { start: sorted[0]!.range.start, end: sorted[sorted.length - 1]!.range.end },
          severity: 'warning',
        });
      }
    }
  },
});
