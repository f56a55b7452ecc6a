import { byBodyAndYear, defineCrossRule, tableOf, type CrossReportInput } from '../../src/audit/cross-rule.js';
import type { AuditCell, AuditTable } from '../../src/audit/record.js';
import { exampleReport, table2Text, table3Text } from '../../src/audit/example-reports.js';

interface Options {
  /** also check table 2's 现行有效件数 against last year's (format-2021) */
  inForce: boolean;
}

const T3_COLUMNS: [string, string, string][] = [
  ['natural-person', '自然人', 'natural persons'],
  ['business', '商业企业', 'businesses'],
  ['research', '科研机构', 'research institutions'],
  ['public-interest', '社会公益组织', 'public-interest organisations'],
  ['legal-service', '法律服务机构', 'legal-service organisations'],
  ['other', '其他', 'others'],
  ['total', '总计', 'total'],
];

const T2_ROWS: [string, string, string][] = [
  ['rules', '规章', 'rules'],
  ['normative-documents', '行政规范性文件', 'normative documents'],
];

/** A cell's number for a comparison: blank counts as 0; words, approximations and missing cells cannot be compared. */
function valueOf(c: AuditCell | undefined): number | undefined {
  if (!c) return undefined;
  if (c.k === 'blank') return 0;
  if (c.k === 'number' && c.v !== null) return c.v;
  return undefined;
}

/** A table whose rows can be trusted for a comparison across years: read, not cut off, the rows in place. */
function usable(t: AuditTable | undefined, rows: string[]): t is AuditTable {
  return Boolean(t && rows.every((r) => t.cells[r] && !t.issueRows.includes(r)));
}

/** The one report of a body for a year (none when the year has several: which is meant cannot be told). */
function single(list: CrossReportInput[] | undefined): CrossReportInput | undefined {
  return list && list.length === 1 ? list[0] : undefined;
}

const A = '青河县教育局';
const zeros = [0, 0, 0, 0, 0, 0];

export default defineCrossRule<Options>({
  id: 'carry-over',
  scope: 'cross-report',
  description: {
    zh: '同一机关相邻两年的年报须衔接：今年表三“二、上年结转”逐列等于上年“四、结转下年度继续办理”；表二现行有效件数等于上年现行有效件数加本年制发减本年废止',
    en: 'Reports of one body in consecutive years agree: this year’s table 3 “carried over from last year” equals last year’s “carried forward to next year” column by column; table 2’s documents in force equal last year’s plus those issued less those repealed',
  },
  severity: 'error',
  generations: ['format-2019', 'format-2021'],
  optionsSchema: {
    type: 'object',
    properties: { inForce: { type: 'boolean', description: 'also check table 2’s documents in force against last year’s (warning)' } },
    additionalProperties: false,
  },
  defaultOptions: { inForce: true },
  messages: {
    carriedOver: {
      zh: '{year}年度表三“二、上年结转政府信息公开申请数量”（{column}）为{actual}，与{prevYear}年度年报“四、结转下年度继续办理”的{expected}不一致',
      en: 'table 3 “carried over from last year” ({columnEn}) for {year} is {actual}, but the {prevYear} report carried {expected} forward',
    },
    inForce: {
      zh: '{year}年度表二{row}“现行有效件数”为{actual}，按{prevYear}年度的{previous}件加本年制发{issued}件、减本年废止{repealed}件，应为{expected}',
      en: 'table 2 {rowEn} “in force” for {year} is {actual}; {prevYear}’s {previous} plus {issued} issued less {repealed} repealed gives {expected}',
    },
  },
  examples: {
    valid: [
      {
        title: '今年的上年结转等于去年的结转下年',
        reports: {
          '2021.txt': exampleReport({ body: A, year: 2021, table3: table3Text([3, 1, 0, 0, 0, 0], zeros, [2, 1, 0, 0, 0, 0]) }),
          '2022.txt': exampleReport({ body: A, year: 2022, table3: table3Text([4, 1, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0], zeros) }),
        },
        expected: [],
      },
      {
        title: '不同机关的年报互不衔接',
        reports: {
          '2021.txt': exampleReport({ body: A, year: 2021, table3: table3Text([3, 1, 0, 0, 0, 0], zeros, [2, 1, 0, 0, 0, 0]) }),
          '2022.txt': exampleReport({ body: '青河县卫生健康委员会', year: 2022, table3: table3Text([4, 0, 0, 0, 0, 0], zeros, zeros) }),
        },
        expected: [],
      },
      {
        title: '机关名称写法不同（人民政府办公室／政府办），仍是同一机关',
        reports: {
          '2021.txt': exampleReport({ body: '青河县人民政府办公室', year: 2021, table3: table3Text([3, 0, 0, 0, 0, 0], zeros, [1, 0, 0, 0, 0, 0]), table2: table2Text(2, 0, 10) }),
          '2022.txt': exampleReport({ body: '青河县政府办', year: 2022, table3: table3Text([2, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], zeros), table2: table2Text(3, 1, 12) }),
        },
        expected: [],
      },
    ],
    invalid: [
      {
        title: '上年结转与去年的结转下年不一致',
        reports: {
          '2021.txt': exampleReport({ body: A, year: 2021, table3: table3Text([3, 1, 0, 0, 0, 0], zeros, [2, 0, 0, 0, 0, 0]) }),
          '2022.txt': exampleReport({ body: A, year: 2022, table3: table3Text([4, 1, 0, 0, 0, 0], [3, 0, 0, 0, 0, 0], zeros) }),
        },
        expected: [
          { files: ['2022.txt', '2021.txt'], message: '2022年度表三“二、上年结转政府信息公开申请数量”（自然人）为3，与2021年度年报“四、结转下年度继续办理”的2不一致' },
          { files: ['2022.txt', '2021.txt'], message: '2022年度表三“二、上年结转政府信息公开申请数量”（总计）为3，与2021年度年报“四、结转下年度继续办理”的2不一致' },
        ],
      },
      {
        title: '现行有效件数与上年不衔接（警告）',
        reports: {
          '2021.txt': exampleReport({ body: A, year: 2021, table2: table2Text(2, 0, 10) }),
          '2022.txt': exampleReport({ body: A, year: 2022, table2: table2Text(3, 1, 15) }),
        },
        expected: [
          { files: ['2022.txt', '2021.txt'], message: '2022年度表二行政规范性文件“现行有效件数”为15，按2021年度的10件加本年制发3件、减本年废止1件，应为12', severity: 'warning' },
        ],
      },
    ],
  },
  check({ reports, options, emit }) {
    for (const years of byBodyAndYear(reports).values()) {
      for (const [year, list] of years) {
        const cur = single(list);
        const prev = single(years.get(year - 1));
        if (!cur || !prev) continue;
        const t = tableOf(cur, 'applications');
        const p = tableOf(prev, 'applications');
        if (usable(t, ['carried-over']) && usable(p, ['carry-forward'])) {
          for (const [col, zh, en] of T3_COLUMNS) {
            const a = t.cells['carried-over']![col];
            const b = p.cells['carry-forward']![col];
            const actual = valueOf(a);
            const expected = valueOf(b);
            if (actual === undefined || expected === undefined || actual === expected) continue;
            emit({
              messageId: 'carriedOver',
              data: { year, prevYear: year - 1, column: zh, columnEn: en, actual, expected },
              files: [cur.file, prev.file],
              expected,
              actual,
              cells: [
                { file: cur.file, table: 'applications', row: 'carried-over', column: col, line: a!.line, column_: a!.column },
                { file: prev.file, table: 'applications', row: 'carry-forward', column: col, line: b!.line, column_: b!.column },
              ],
            });
          }
        }
        if (!options.inForce || cur.generation !== 'format-2021' || prev.generation !== 'format-2021') continue;
        const t2 = tableOf(cur, 'proactive');
        const p2 = tableOf(prev, 'proactive');
        for (const [row, zh, en] of T2_ROWS) {
          if (!usable(t2, [row]) || !usable(p2, [row])) continue;
          const c = t2.cells[row]!;
          const previous = valueOf(p2.cells[row]!['in-force']);
          const issued = valueOf(c.issued);
          const repealed = valueOf(c.repealed);
          const actual = valueOf(c['in-force']);
          if (previous === undefined || issued === undefined || repealed === undefined || actual === undefined) continue;
          const expected = previous + issued - repealed;
          if (actual === expected) continue;
          const cell = c['in-force']!;
          emit({
            messageId: 'inForce',
            severity: 'warning',
            data: { year, prevYear: year - 1, row: zh, rowEn: en, actual, expected, previous, issued, repealed },
            files: [cur.file, prev.file],
            expected,
            actual,
            cells: [{ file: cur.file, table: 'proactive', row, column: 'in-force', line: cell.line, column_: cell.column }],
          });
        }
      }
    }
  },
});
