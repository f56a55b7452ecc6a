import { byBodyAndYear, defineCrossRule, tableOf, type CrossEmit, type CrossReportInput } from '../../src/audit/cross-rule.js';
import type { AuditCell, AuditTable } from '../../src/audit/record.js';
import { exampleReport, legacyReport, legacyRows, legacyTableText, table2Text, table3Text } from '../../src/audit/example-reports.js';
import { builtinProfiles } from '../../src/config/profiles.js';
import { templatesOf } from '../../src/model/tables/template.js';

interface Options {
  /** also check table 2's 现行有效件数 against last year's (format-2021) */
  inForce: boolean;
  /** also check the cumulative counts (历年累计) of the legacy statistics table against last year's */
  cumulative: boolean;
  /** differences up to this much are let pass (0: figures must agree exactly) */
  tolerance: number;
}

let legacyTitles: Map<string, { zh: string; en: string }> | undefined;

/** Row titles of the legacy statistics table, from the legacy profile. */
function legacyTitle(row: string): { zh: string; en: string } {
  legacyTitles ??= new Map(
    templatesOf(builtinProfiles().get('legacy')!.tables)
      .filter((t) => t.kind === 'legacy-statistics')
      .flatMap((t) => t.blocks.flatMap((b) => b.rows.map((r) => [r.id, { zh: r.title.replace(/^(?:其中[：:])?\s*(?:[（(][一二三四五六七八九十]+[)）]|\d+[.、．])?/u, ''), en: r.en ?? r.id }] as const))),
  );
  return legacyTitles.get(row) ?? { zh: row, en: row };
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
    zh: '同一机关相邻两年的年报须衔接：今年表三“二、上年结转”逐列等于上年“四、结转下年度继续办理”；表二现行有效件数等于上年现行有效件数加本年制发减本年废止；旧版统计表的历年累计等于上年的历年累计加本年数',
    en: 'Reports of one body in consecutive years agree: this year’s table 3 “carried over from last year” equals last year’s “carried forward to next year” column by column; table 2’s documents in force equal last year’s plus those issued less those repealed; the cumulative counts of a legacy statistics table equal last year’s plus this year’s figures',
  },
  severity: 'error',
  generations: ['legacy', 'format-2019', 'format-2021'],
  optionsSchema: {
    type: 'object',
    properties: {
      inForce: { type: 'boolean', description: 'also check table 2’s documents in force against last year’s (warning)' },
      cumulative: { type: 'boolean', description: 'also check the cumulative counts (历年累计) of legacy statistics tables against last year’s (warning)' },
      tolerance: { type: 'number', minimum: 0, description: 'differences up to this much are let pass (default 0: the figures must agree exactly)' },
    },
    additionalProperties: false,
  },
  defaultOptions: { inForce: true, cumulative: true, tolerance: 0 },
  messages: {
    carriedOver: {
      zh: '{year}年度表三“二、上年结转政府信息公开申请数量”（{column}）为{actual}，与{prevYear}年度年报“四、结转下年度继续办理”的{expected}不一致',
      en: 'table 3 “carried over from last year” ({columnEn}) for {year} is {actual}, but the {prevYear} report carried {expected} forward',
    },
    cumulative: {
      zh: '{year}年度统计表“{row}”的历年累计为{actual}，按{prevYear}年度的历年累计{previous}加本年{current}，应为{expected}',
      en: 'the {year} statistics table’s cumulative count of {rowEn} is {actual}; {prevYear}’s cumulative {previous} plus this year’s {current} gives {expected}',
    },
    several: {
      zh: '{body}{year}年度的年报有{count}份，无法确定哪一份与相邻年度衔接，未核对上下年衔接',
      en: '{body} has {count} reports for {year}: which one continues the adjacent years cannot be told, so they were not checked against them',
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
      {
        title: '旧版年报的历年累计等于上年累计加本年数',
        reports: {
          '2015.txt': legacyReport({ body: A, year: 2015, table: legacyTableText(2015, legacyRows([300, 81916], [5, 40], [2, 20])) }),
          '2016.txt': legacyReport({ body: A, year: 2016, table: legacyTableText(2016, legacyRows([3460, 85376], [4, 44], [1, 21])) }),
        },
        expected: [],
      },
      {
        title: '差额在容许范围内（tolerance）',
        options: { tolerance: 2 },
        reports: {
          '2015.txt': legacyReport({ body: A, year: 2015, table: legacyTableText(2015, legacyRows([300, 81916], [5, 40], [2, 20])) }),
          '2016.txt': legacyReport({ body: A, year: 2016, table: legacyTableText(2016, legacyRows([3460, 85377], [4, 46], [1, 21])) }),
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
        title: '同一机关同一年度有两份年报：指出，不核对（警告）',
        reports: {
          '2021.txt': exampleReport({ body: A, year: 2021, table3: table3Text([3, 1, 0, 0, 0, 0], zeros, [2, 1, 0, 0, 0, 0]) }),
          '2022.txt': exampleReport({ body: A, year: 2022, table3: table3Text([4, 1, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0], zeros) }),
          '2022-revised.txt': exampleReport({ body: A, year: 2022, table3: table3Text([4, 1, 0, 0, 0, 0], [3, 1, 0, 0, 0, 0], zeros) }),
        },
        expected: [{ files: ['2022-revised.txt', '2022.txt'], message: '青河县教育局2022年度的年报有2份，无法确定哪一份与相邻年度衔接，未核对上下年衔接', severity: 'warning' }],
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
      {
        title: '旧版年报的历年累计没有接上上年的累计加本年数（警告）',
        reports: {
          '2015.txt': legacyReport({ body: A, year: 2015, table: legacyTableText(2015, legacyRows([300, 81916], [5, 40], [2, 20])) }),
          '2016.txt': legacyReport({ body: A, year: 2016, table: legacyTableText(2016, legacyRows([3460, 85376], [4, 46], [1, 21])) }),
        },
        expected: [
          { files: ['2016.txt', '2015.txt'], message: '2016年度统计表“收到申请数”的历年累计为46，按2015年度的历年累计40加本年4，应为44', severity: 'warning' },
          { files: ['2016.txt', '2015.txt'], message: '2016年度统计表“当面申请数”的历年累计为25，按2015年度的历年累计20加本年3，应为23', severity: 'warning' },
          { files: ['2016.txt', '2015.txt'], message: '2016年度统计表“申请办结数”的历年累计为46，按2015年度的历年累计40加本年4，应为44', severity: 'warning' },
        ],
      },
    ],
  },
  check({ reports, options, emit }) {
    const differ = (a: number, b: number): boolean => Math.abs(a - b) > options.tolerance + 1e-9;
    for (const years of byBodyAndYear(reports).values()) {
      for (const [year, list] of years) {
        // several reports of one year, with a year next to it: say which were not compared, rather than guess
        if (list.length > 1 && (years.has(year - 1) || years.has(year + 1))) {
          const files = list.map((r) => r.file).sort();
          emit({ messageId: 'several', severity: 'warning', data: { body: list[0]!.body.name ?? '', year, count: list.length }, files });
        }
        const cur = single(list);
        const prev = single(years.get(year - 1));
        if (!cur || !prev) continue;
        if (options.cumulative) cumulativeCounts(cur, prev, year, differ, emit);
        const t = tableOf(cur, 'applications');
        const p = tableOf(prev, 'applications');
        if (usable(t, ['carried-over']) && usable(p, ['carry-forward'])) {
          for (const [col, zh, en] of T3_COLUMNS) {
            const a = t.cells['carried-over']![col];
            const b = p.cells['carry-forward']![col];
            const actual = valueOf(a);
            const expected = valueOf(b);
            if (actual === undefined || expected === undefined || !differ(actual, expected)) continue;
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
          if (!differ(actual, expected)) continue;
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

/**
 * Legacy statistics tables: each cumulative count (历年累计) is last year's cumulative count plus
 * this year's figure. Only rows read with both figures in both years are compared.
 */
function cumulativeCounts(cur: CrossReportInput, prev: CrossReportInput, year: number, differ: (a: number, b: number) => boolean, emit: (f: CrossEmit) => void): void {
  const t = tableOf(cur, 'legacy-statistics');
  const p = tableOf(prev, 'legacy-statistics');
  if (!t || !p) return;
  for (const [row, c] of Object.entries(t.cells)) {
    if (!c.cumulative || !p.cells[row]?.cumulative || t.issueRows.includes(row) || p.issueRows.includes(row)) continue;
    const actual = valueOf(c.cumulative);
    const current = valueOf(c.value);
    const previous = valueOf(p.cells[row]!.cumulative);
    if (actual === undefined || current === undefined || previous === undefined) continue;
    const expected = previous + current;
    if (!differ(actual, expected)) continue;
    const title = legacyTitle(row);
    emit({
      messageId: 'cumulative',
      severity: 'warning',
      data: { year, prevYear: year - 1, row: title.zh, rowEn: title.en, actual, expected, previous, current },
      files: [cur.file, prev.file],
      expected,
      actual,
      cells: [
        { file: cur.file, table: 'legacy-statistics', row, column: 'cumulative', line: c.cumulative.line, column_: c.cumulative.column },
        { file: prev.file, table: 'legacy-statistics', row, column: 'cumulative', line: p.cells[row]!.cumulative!.line, column_: p.cells[row]!.cumulative!.column },
      ],
    });
  }
}
