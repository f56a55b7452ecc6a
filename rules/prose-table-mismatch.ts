import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { TABLE4_HEADER } from '../src/rules/example-texts.js';
import { aboutReportYear, figureMetric, joinedSubject, partOwners, type TableMetric } from '../src/model/figures/metrics.js';
import { coreSubject } from '../src/model/figures/extract.js';
import { tableCopies, tablesValues, type TableFigure } from '../src/model/figures/versus-tables.js';
import { columnsSure, officialTablesFor, templateOf } from '../src/model/tables/index.js';
import type { Figure } from '../src/model/figures/types.js';

type Options = Record<string, never>;

/** Table 3 of a format-2021 report, as text copied from a web page. */
const TABLE3 = `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |
一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |
二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 1 | 0 | 7 |
（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
3.危及“三安全一稳定” | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
（四）无法提供 | 1.本机关不掌握相关政府信息 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
（五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
（七）总计 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |
四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |`;

export default defineRule<Options>({
  id: 'prose-table-mismatch',
  description: {
    zh: '正文中的数字（本年新收、予以公开、行政复议等）应与统计表中的同一项一致',
    en: 'A count stated in the text (new requests, disclosed, administrative reviews…) agrees with the same count in the tables',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    mismatch: {
      zh: '正文与表格不一致：正文“{prose}”，表格中“{metric}”为{table}',
      en: 'the text and the table disagree: the text says “{prose}”, the table gives {table} for {metricEn}',
    },
  },
  examples: {
    valid: [
      {
        title: '正文所说的新收申请数与表三一致',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
全年新收政府信息公开申请13件，予以公开7件，均在法定期限内答复。
三、收到和处理政府信息公开申请情况
${TABLE3}`,
        expected: [],
      },
      {
        title: '“予以公开和部分公开”是表三（一）与（二）之和（7+1=8）',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
全年新收政府信息公开申请13件，其中予以公开和部分公开共8件。
三、收到和处理政府信息公开申请情况
${TABLE3}`,
        expected: [],
      },
      {
        title: '没有表格时无从比较，不报告',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
全年新收政府信息公开申请15件，予以公开9件。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '正文的新收申请数和予以公开数与表三不符',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
全年新收政府信息公开申请15件，予以公开9件，均在法定期限内答复。
三、收到和处理政府信息公开申请情况
${TABLE3}`,
        expected: [
          {
            line: 3,
            column: 13,
            endLine: 3,
            endColumn: 16,
            message: '正文与表格不一致：正文“新收政府信息公开申请15件”，表格中“本年新收申请”为13',
            expected: 13,
            actual: 15,
          },
          {
            line: 3,
            column: 21,
            endLine: 3,
            endColumn: 23,
            message: '正文与表格不一致：正文“予以公开9件”，表格中“予以公开”为7',
            expected: 7,
            actual: 9,
          },
        ],
      },
      {
        title: '合写的“予以公开和部分公开”与表三（一）+（二）不符',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
全年新收政府信息公开申请13件，其中予以公开和部分公开共9件。
三、收到和处理政府信息公开申请情况
${TABLE3}`,
        expected: [
          {
            line: 3,
            column: 29,
            endLine: 3,
            endColumn: 31,
            message: '正文与表格不一致：正文“予以公开和部分公开共9件”，表格中“予以公开和部分公开”为8',
            expected: 8,
            actual: 9,
          },
        ],
      },
      {
        title: '行政诉讼的“结果纠正”按所在语句的主题与表四行政诉讼两栏之和比较（行政复议的不受影响）',
        text: `${TABLE4_HEADER}2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 |
本年度政府信息公开行政复议3件，其中结果维持2件，结果纠正1件；行政诉讼2件，其中结果维持1件，结果纠正2件。`,
        expected: [
          {
            line: 7,
            column: 53,
            endLine: 7,
            endColumn: 55,
            message: '正文与表格不一致：正文“结果纠正2件”，表格中“行政诉讼结果纠正”为1',
            expected: 1,
            actual: 2,
          },
        ],
      },
    ],
  },
  check({ report, profile, emit }) {
    // a table whose columns were placed by guess could put a value under the wrong column
    const tables = officialTablesFor(report, profile).filter(columnsSure);
    if (tables.length === 0) return;
    // (a table given twice, the body's own and its area's: the prose may speak of either)
    const copies = tableCopies(tables);
    const valuesFor = (metric: string): (TableFigure | undefined)[] => tablesValues(copies, (t) => templateOf(t, profile), metric);
    const owners = partOwners(report.breakdowns);
    // a count given with its part of the table's kind (收到行政复议申请3件，其中政府信息公开类1件): the part is the table's
    const partsOf = new Map<Figure, Figure[]>();
    for (const b of report.breakdowns) {
      const parts = partsOf.get(b.total);
      if (parts) parts.push(...b.parts);
      else partsOf.set(b.total, [...b.parts]);
    }
    // (not a part the count's own words set apart from it, 其中自然人申请0件: that is a share of the count)
    const partIsTables = (f: Figure, m: TableMetric, value: number): boolean =>
      (partsOf.get(f) ?? []).some((p) => p.value === value && !m.exclude?.test(p.core) && (figureMetric(report, p)?.id ?? m.id) === m.id);
    const partOfSame = (f: Figure, metric: string): boolean => {
      const b = owners.get(f);
      return !!b && figureMetric(report, b.total)?.id === metric;
    };
    for (const f of report.figures) {
      const m = figureMetric(report, f);
      if (!m || partOfSame(f, m.id) || !aboutReportYear(report, f)) continue;
      const values = valuesFor(m.sum ? m.sum.join('+') : m.id);
      const t = values.find((v) => v !== undefined);
      if (!t || values.some((v) => v?.value === f.value) || values.some((v) => v && partIsTables(f, m, v.value))) continue;
      // requests received may include those carried over from last year
      if (m.id === 'new') {
        const carried = valuesFor('carried-over');
        if (values.some((v, k) => v && carried[k] && carried[k].value + v.value === f.value)) continue;
      }
      const src = report.doc.text;
      // the words that name the count, as written right before it (予以公开和部分公开共)
      const raw = m.sum ? joinedSubject(report, f) : f.subject;
      const core = coreSubject(raw);
      const words = core && raw.includes(core) ? raw.slice(raw.lastIndexOf(core)) : '';
      const subject = words && src.slice(f.range.start - words.length, f.range.start) === words ? words : '';
      emit({
        messageId: 'mismatch',
        data: { prose: subject + src.slice(f.range.start, f.range.end), metric: m.zh, metricEn: m.en, table: t.value },
        range: f.range,
        expected: t.value,
        actual: f.value,
      });
    }
  },
});
