import path from 'node:path';
import { defineCrossRule, tableOf, type CrossEmit, type CrossReportInput } from '../../src/audit/cross-rule.js';
import type { AuditCell, AuditTable } from '../../src/audit/record.js';
import { normaliseBodyName, partsByName } from '../../src/audit/bodies.js';
import { exampleReport, table3Text } from '../../src/audit/example-reports.js';

type Options = Record<string, never>;

const KINDS: [string, string, string][] = [
  ['applications', '表三', 'table 3'],
  ['review-litigation', '表四', 'table 4'],
];

/** Row and column titles, for the message. */
const TITLES: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  'carried-over': '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  'partly-granted': '（二）部分公开',
  'results-total': '（七）总计',
  'carry-forward': '四、结转下年度继续办理',
  'natural-person': '自然人',
  business: '商业企业',
  research: '科研机构',
  'public-interest': '社会公益组织',
  'legal-service': '法律服务机构',
  other: '其他',
  total: '总计',
  review: '行政复议',
  'direct-suit': '未经复议直接起诉',
  'suit-after-review': '复议后起诉',
  upheld: '结果维持',
  corrected: '结果纠正',
  pending: '尚未审结',
};
const title = (id: string): string => TITLES[id] ?? id;

function valueOf(c: AuditCell | undefined): number | undefined {
  if (!c) return undefined;
  if (c.k === 'blank') return 0;
  if (c.k === 'number' && c.v !== null) return c.v;
  return undefined;
}

function readWhole(t: AuditTable | undefined): t is AuditTable {
  return Boolean(t && t.issues === 0 && !t.truncated);
}

const name = (r: CrossReportInput): string => r.body.name ?? path.basename(r.file);

const zeros = [0, 0, 0, 0, 0, 0];
/** The cells a natural person's request granted moves in table 3: 新收, 予以公开 and 总计, each in its column and the total. */
const NATURAL_PERSON_CELLS = [
  ['一、本年新收政府信息公开申请数量', '自然人'],
  ['一、本年新收政府信息公开申请数量', '总计'],
  ['（一）予以公开', '自然人'],
  ['（一）予以公开', '总计'],
  ['（七）总计', '自然人'],
  ['（七）总计', '总计'],
];
const GOV = '青河县人民政府';

export default defineCrossRule<Options>({
  id: 'summary-matches-parts',
  scope: 'cross-report',
  description: {
    zh: '政府的汇总年报与其所属各部门的年报同时在册（由清单的“上级机关”列确定）时，汇总年报表三、表四的每个单元格应等于各部门年报之和；清单列出而没有年报文件的部门逐一指出，此时只核对已有部分之和不超过汇总数。没有清单时，按名称认定本级部门（名称以政府所在地开头、其下不再有地名，垂直管理的机关除外），只核对其和不超过汇总数',
    en: 'When a government’s summary report and its departments’ reports are all present (the manifest’s parent column says which), each cell of the summary’s tables 3 and 4 equals the sum of the parts; departments the manifest lists without a report file are named, and then only whether the present parts exceed the summary is checked. Without a manifest, the departments are told by their names (the government’s place, then no place below it; bodies managed from above excepted), and only whether their sum exceeds the summary is checked',
  },
  severity: 'warning',
  generations: ['format-2019', 'format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    cell: {
      zh: '{year}年度汇总年报{table}“{row}”（{column}）为{actual}，所属{parts}份年报之和为{expected}；数值最大的是{top}',
      en: 'the {year} summary’s {tableEn} “{row}” ({column}) is {actual}, but its {parts} parts sum to {expected}; the largest are {top}',
    },
    absent: {
      zh: '{year}年度汇总年报所属的{count}个部门的年报不在册：{names}；汇总年报只能与已有的{parts}份所属年报部分核对',
      en: 'the reports of {count} parts of the {year} summary are not in the set: {names}; the summary can be checked against its {parts} present parts in part only',
    },
    cellPartial: {
      zh: '{year}年度汇总年报{table}“{row}”（{column}）为{actual}，小于已有的{parts}份所属年报之和{expected}（另有{absent}个部门的年报不在册，只作部分核对）；数值最大的是{top}',
      en: 'the {year} summary’s {tableEn} “{row}” ({column}) is {actual}, less than the {expected} its {parts} present parts already sum to ({absent} parts have no report in the set: checked in part only); the largest are {top}',
    },
    cellByName: {
      zh: '{year}年度汇总年报{table}“{row}”（{column}）为{actual}，小于名称显示属于本级的{parts}个部门的年报之和{expected}（未用清单：按名称认定所属部门，只核对其和不超过汇总数）；数值最大的是{top}',
      en: 'the {year} summary’s {tableEn} “{row}” ({column}) is {actual}, less than the {expected} that the {parts} departments its name covers already sum to (no manifest: parts told by their names, checked in part only); the largest are {top}',
    },
    unreadable: {
      zh: '{year}年度汇总年报{table}无法与所属年报核对：{parts}的{table}未能完整读取',
      en: 'the {year} summary’s {tableEn} cannot be checked against its parts: {parts} could not be read whole',
    },
  },
  examples: {
    valid: [
      {
        title: '汇总年报表三等于两个部门之和',
        reports: {
          'gov.txt': exampleReport({ body: GOV, year: 2022, table3: table3Text([5, 1, 0, 0, 0, 0], zeros, zeros) }),
          'edu.txt': exampleReport({ body: '青河县教育局', year: 2022, table3: table3Text([2, 1, 0, 0, 0, 0], zeros, zeros) }),
          'fin.txt': exampleReport({ body: '青河县财政局', year: 2022, table3: table3Text([3, 0, 0, 0, 0, 0], zeros, zeros) }),
        },
        manifest: {
          'gov.txt': { body: GOV, year: 2022 },
          'edu.txt': { body: '青河县教育局', year: 2022, parent: GOV },
          'fin.txt': { body: '青河县财政局', year: 2022, parent: GOV },
        },
        expected: [],
      },
      {
        title: '没有清单时按名称认定本级部门，只核对其和不超过汇总数；乡镇和垂直管理的机关不计入',
        reports: {
          'gov.txt': exampleReport({ body: GOV, year: 2022, table3: table3Text([9, 1, 0, 0, 0, 0], zeros, zeros) }),
          'edu.txt': exampleReport({ body: '青河县教育局', year: 2022, table3: table3Text([2, 1, 0, 0, 0, 0], zeros, zeros) }),
          'town.txt': exampleReport({ body: '青河县河口镇人民政府', year: 2022, table3: table3Text([20, 0, 0, 0, 0, 0], zeros, zeros) }),
          'tax.txt': exampleReport({ body: '青河县税务局', year: 2022, table3: table3Text([30, 0, 0, 0, 0, 0], zeros, zeros) }),
        },
        expected: [],
      },
    ],
    invalid: [
      {
        title: '清单列出的部门没有年报文件：指出缺少的部门，核对只是部分的',
        reports: {
          'gov.txt': exampleReport({ body: GOV, year: 2022, table3: table3Text([5, 1, 0, 0, 0, 0], zeros, zeros) }),
          'edu.txt': exampleReport({ body: '青河县教育局', year: 2022, table3: table3Text([2, 1, 0, 0, 0, 0], zeros, zeros) }),
        },
        manifest: {
          'gov.txt': { body: GOV, year: 2022 },
          'edu.txt': { body: '青河县教育局', year: 2022, parent: GOV },
          'fin.txt': { body: '青河县财政局', year: 2022, parent: GOV },
        },
        expected: [{ files: ['gov.txt'], message: '2022年度汇总年报所属的1个部门的年报不在册：青河县财政局；汇总年报只能与已有的1份所属年报部分核对' }],
      },
      {
        title: '部分核对时，已有部门之和超过汇总数',
        reports: {
          'gov.txt': exampleReport({ body: GOV, year: 2022, table3: table3Text([1, 0, 0, 0, 0, 0], zeros, zeros) }),
          'edu.txt': exampleReport({ body: '青河县教育局', year: 2022, table3: table3Text([2, 0, 0, 0, 0, 0], zeros, zeros) }),
        },
        manifest: {
          'gov.txt': { body: GOV, year: 2022 },
          'edu.txt': { body: '青河县教育局', year: 2022, parent: GOV },
          'fin.txt': { body: '青河县财政局', year: 2022, parent: GOV },
        },
        expected: [
          { files: ['gov.txt'], message: '2022年度汇总年报所属的1个部门的年报不在册：青河县财政局；汇总年报只能与已有的1份所属年报部分核对' },
          ...NATURAL_PERSON_CELLS.map(([row, col]) => ({ files: ['gov.txt', 'edu.txt'], message: `2022年度汇总年报表三“${row}”（${col}）为1，小于已有的1份所属年报之和2（另有1个部门的年报不在册，只作部分核对）；数值最大的是青河县教育局（2）` })),
        ],
      },
      {
        title: '没有清单时，名称显示属于本级的部门之和已超过汇总数',
        reports: {
          'gov.txt': exampleReport({ body: GOV, year: 2022, table3: table3Text([4, 0, 0, 0, 0, 0], zeros, zeros) }),
          'edu.txt': exampleReport({ body: '青河县教育局', year: 2022, table3: table3Text([2, 0, 0, 0, 0, 0], zeros, zeros) }),
          'fin.txt': exampleReport({ body: '青河县财政局', year: 2022, table3: table3Text([3, 0, 0, 0, 0, 0], zeros, zeros) }),
        },
        expected: NATURAL_PERSON_CELLS.map(([row, col]) => ({
          files: ['gov.txt', 'edu.txt', 'fin.txt'],
          message: `2022年度汇总年报表三“${row}”（${col}）为4，小于名称显示属于本级的2个部门的年报之和5（未用清单：按名称认定所属部门，只核对其和不超过汇总数）；数值最大的是青河县财政局（3）、青河县教育局（2）`,
        })),
      },
      {
        title: '汇总年报一个单元格与部门之和不符',
        reports: {
          'gov.txt': exampleReport({ body: GOV, year: 2022, table3: table3Text([5, 2, 0, 0, 0, 0], zeros, zeros) }),
          'edu.txt': exampleReport({ body: '青河县教育局', year: 2022, table3: table3Text([2, 1, 0, 0, 0, 0], zeros, zeros) }),
          'fin.txt': exampleReport({ body: '青河县财政局', year: 2022, table3: table3Text([3, 0, 0, 0, 0, 0], zeros, zeros) }),
        },
        manifest: {
          'gov.txt': { body: GOV, year: 2022 },
          'edu.txt': { body: '青河县教育局', year: 2022, parent: GOV },
          'fin.txt': { body: '青河县财政局', year: 2022, parent: GOV },
        },
        expected: [
          { files: ['gov.txt', 'edu.txt', 'fin.txt'], message: '2022年度汇总年报表三“一、本年新收政府信息公开申请数量”（商业企业）为2，所属2份年报之和为1；数值最大的是青河县教育局（1）' },
          { files: ['gov.txt', 'edu.txt', 'fin.txt'], message: '2022年度汇总年报表三“一、本年新收政府信息公开申请数量”（总计）为7，所属2份年报之和为6；数值最大的是青河县教育局（3）、青河县财政局（3）' },
          { files: ['gov.txt', 'edu.txt', 'fin.txt'], message: '2022年度汇总年报表三“（一）予以公开”（商业企业）为2，所属2份年报之和为1；数值最大的是青河县教育局（1）' },
          { files: ['gov.txt', 'edu.txt', 'fin.txt'], message: '2022年度汇总年报表三“（一）予以公开”（总计）为7，所属2份年报之和为6；数值最大的是青河县教育局（3）、青河县财政局（3）' },
          { files: ['gov.txt', 'edu.txt', 'fin.txt'], message: '2022年度汇总年报表三“（七）总计”（商业企业）为2，所属2份年报之和为1；数值最大的是青河县教育局（1）' },
          { files: ['gov.txt', 'edu.txt', 'fin.txt'], message: '2022年度汇总年报表三“（七）总计”（总计）为7，所属2份年报之和为6；数值最大的是青河县教育局（3）、青河县财政局（3）' },
        ],
      },
    ],
  },
  check({ reports, absent, emit, wholeTables }) {
    for (const s of reports) {
      if (s.body.kind !== 'summary' || !s.body.key || s.body.year === null) continue;
      const parts = reports.filter((r) => r !== s && r.body.year === s.body.year && r.body.parent && normaliseBodyName(r.body.parent) === s.body.key);
      // parts the manifest lists under this government whose reports are not in the set
      const missing = absent.filter((a) => a.parent && normaliseBodyName(a.parent) === s.body.key && (a.year === undefined || a.year === s.body.year));
      if (missing.length) {
        emit({ messageId: 'absent', data: { year: s.body.year, count: missing.length, names: missing.map((a) => a.body).join('、'), parts: parts.length }, files: [s.file] });
      }
      if (parts.length) compare(s, s.body.year, parts, missing.length ? { partial: 'absent', absent: missing.length } : { partial: 'none' }, emit);
      else if (!missing.length) {
        // no manifest names this government's parts: its departments by name, whose sum the summary must at
        // least hold; their tables are read whole for this summary alone, and a part not read whole is left out
        const named = partsByName(s, reports)
          .map((p) => ({ ...p, tables: wholeTables(p) }))
          .filter((p) => KINDS.every(([kind]) => !tableOf(s, kind) || readWhole(tableOf(p, kind))));
        if (named.length) compare(s, s.body.year, named, { partial: 'byName' }, emit);
      }
    }
  },
});

/**
 * Each cell of the summary's tables 3 and 4 against the sum of the parts'. With parts missing from
 * the set (`absent`) or told by their names only (`byName`), only a sum above the summary is certain
 * to be wrong.
 */
function compare(
  s: CrossReportInput,
  year: number,
  parts: CrossReportInput[],
  how: { partial: 'none' | 'byName' } | { partial: 'absent'; absent: number },
  emit: (f: CrossEmit) => void,
): void {
  const files = [s.file, ...parts.map((p) => p.file)];
  for (const [kind, zh, en] of KINDS) {
    const t = tableOf(s, kind);
    if (!readWhole(t)) continue;
    const unread = parts.filter((p) => !readWhole(tableOf(p, kind)));
    if (unread.length) {
      emit({ messageId: 'unreadable', data: { year, table: zh, tableEn: en, parts: unread.map(name).join('、') }, files: [s.file, ...unread.map((p) => p.file)] });
      continue;
    }
    for (const [row, cols] of Object.entries(t.cells)) {
      for (const [col, cell] of Object.entries(cols)) {
        const actual = valueOf(cell);
        if (actual === undefined) continue;
        const values = parts.map((p) => ({ p, v: valueOf(tableOf(p, kind)!.cells[row]?.[col]) }));
        if (values.some((x) => x.v === undefined)) continue;
        const expected = values.reduce((a, x) => a + x.v!, 0);
        if (Math.abs(expected - actual) < 1e-9) continue;
        if (how.partial !== 'none' && expected < actual) continue;
        const top = values
          .filter((x) => x.v! > 0)
          .sort((a, b) => b.v! - a.v! || (name(a.p) < name(b.p) ? -1 : 1))
          .slice(0, 3)
          .map((x) => `${name(x.p)}（${x.v}）`)
          .join('、');
        emit({
          messageId: how.partial === 'absent' ? 'cellPartial' : how.partial === 'byName' ? 'cellByName' : 'cell',
          data: { year, table: zh, tableEn: en, row: title(row), column: title(col), actual, expected, parts: parts.length, absent: how.partial === 'absent' ? how.absent : 0, top: top || '—' },
          files,
          expected,
          actual,
          cells: [{ file: s.file, table: kind, row, column: col, line: cell.line, column_: cell.column }],
        });
      }
    }
  }
}
