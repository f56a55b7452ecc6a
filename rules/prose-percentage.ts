import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { shareMatches } from '../src/model/figures/index.js';
import { figureMetric, figureSentence, proseMetrics, wholeMetric } from '../src/model/figures/metrics.js';
import { tableCopies, tablesValues } from '../src/model/figures/versus-tables.js';
import { columnsSure, officialTablesFor, templateOf } from '../src/model/tables/index.js';

interface Options {
  /** also check shares whose part was found only because its line holds a single count */
  lineShares: boolean;
  /** check a share whose whole the text does not name against the wholes it may be of */
  unnamedWholes: boolean;
}

function fixed(v: number, decimals: number): string {
  return v.toFixed(decimals);
}

export default defineRule<Options>({
  id: 'prose-percentage',
  description: {
    zh: '正文中“占总数的X%”“占比X%”应等于部分除以整体（允许按所印位数四舍五入或截断）',
    en: 'A share stated in the text (占总数的X%, 占比X%) equals part ÷ whole, allowing for rounding or truncation to the printed decimals',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: {
    type: 'object',
    properties: {
      lineShares: {
        type: 'boolean',
        description: 'also check a share paired with the only count of its line (text whose sentences were reordered)',
      },
      unnamedWholes: {
        type: 'boolean',
        description:
          'check a share whose whole the text does not name (其中予以公开59件，占10.3%) against the wholes it may be of: a count stated just before, the handled, new or new + carried-over requests of table 3; report it when none fits',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { lineShares: true, unnamedWholes: true },
  messages: {
    mismatch: {
      zh: '百分比与数字不符：{part}÷{whole}={calc}%，文中为{printed}%',
      en: 'the percentage does not match the figures: {part} ÷ {whole} = {calc}%, the text says {printed}%',
    },
    noWhole: {
      zh: '百分比与可能的总数都不符：{tried}，文中为{printed}%',
      en: 'the percentage fits none of the wholes it may be of: {triedEn}; the text says {printed}%',
    },
  },
  examples: {
    valid: [
      {
        title: '各类信息的占比与总数相符（两位小数）',
        text: `我乡2010年主动公开信息有103条。
在主动公开的信息中，政策法规类的信息14条，占总体的比例为13.59%；规划计划类的信息6条，占总体的比例为5.83%。`,
        expected: [],
      },
      {
        title: '截断到所印位数也可以（0.573%写作0.5%）',
        text: '2023年通过网站主动公开发布政府信息349条，主要包括会议公开2条，占比0.5%；政策文件22条，占比6.3%；管理和服务公开11条，占比3.2%。',
        expected: [],
      },
      {
        title: '没有写明整体的占比：与前一句的办结数相符（59÷573=10.3%）',
        text: '2021年共受理申请600件，办结573件。其中予以公开59件，占10.3%。',
        expected: [],
      },
      {
        title: '没有说明是谁的百分比，不检查',
        text: '2011年受理申请564件，大约16.8%属城乡规划类信息，23.2%属社会保障类信息。',
        expected: [],
      },
    ],
    invalid: [
      {
        title: '没有写明整体的占比，与前文及表三中可能的总数都不符（警告）',
        text: '2021年共受理申请600件，办结573件。其中予以公开59件，占11.3%。',
        expected: [
          {
            line: 1,
            column: 34,
            endLine: 1,
            endColumn: 39,
            message: '百分比与可能的总数都不符：59÷600=9.8%、59÷573=10.3%，文中为11.3%',
            severity: 'warning',
            actual: '11.3',
          },
        ],
      },
      {
        title: '占比与部分除以总数不符',
        text: '2020年共受理政府信息公开申请40件，其中予以公开30件，占总数的70%；不予公开10件，占总数的25%。',
        expected: [
          {
            line: 1,
            column: 35,
            endLine: 1,
            endColumn: 38,
            message: '百分比与数字不符：30÷40=75%，文中为70%',
            expected: '75',
            actual: '70',
          },
        ],
      },
      {
        title: '语序颠倒的句子：同一行只有一个占比和一个件数时也能配对（警告）',
        text: `2011年，已经答复的564件申请中，同意公开498件，占总数的88.3%。
占总数的2.5%主要是因为涉及国家秘密不予公开13件。`,
        expected: [
          {
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 9,
            message: '百分比与数字不符：13÷564=2.3%，文中为2.5%',
            severity: 'warning',
            expected: '2.3',
            actual: '2.5',
          },
        ],
      },
    ],
  },
  check({ report, profile, options, emit }) {
    /** the tables as copies (a table given twice: each copy) */
    let copies: ReturnType<typeof tableCopies> | undefined;
    /** the counts of table 3 a share of requests may be of */
    const tableWholes = (ids = proseMetrics().data.shareWholes): number[] => {
      copies ??= tableCopies(officialTablesFor(report, profile).filter(columnsSure));
      const out: number[] = [];
      for (const id of ids) {
        for (const v of tablesValues(copies, (t) => templateOf(t, profile), id)) if (v && v.value > 0 && !out.includes(v.value)) out.push(v.value);
      }
      return out;
    };
    for (const sh of report.shares) {
      const { part, whole, percent } = sh;
      if (!part || part.approx || percent.approx) continue;
      if (!whole) {
        if (!options.unnamedWholes) continue;
        const values: number[] = [];
        if (sh.candidates) {
          values.push(...sh.candidates.map((c) => c.value));
          // a share of requests may be of the requests handled, received, or received and carried over
          const m = figureMetric(report, part);
          if (part.unitClass === 'item' && (m?.outcome || m?.sum || /申请/u.test(figureSentence(report, part)))) {
            for (const v of tableWholes()) if (v >= part.value && !values.includes(v)) values.push(v);
          }
        } else {
          // the words name a count of the tables: 占已办结申请的, 占收到申请总数的
          const wm = part.unitClass === 'item' ? wholeMetric(sh.phrase) : undefined;
          if (!wm) continue;
          const ids = wm.id === 'new' ? ['new', 'new+carried-over'] : [wm.sum ? wm.sum.join('+') : wm.id];
          for (const v of tableWholes(ids)) if (v >= part.value && !values.includes(v)) values.push(v);
        }
        if (values.length === 0) continue;
        if (values.some((v) => shareMatches((part.value / v) * 100, percent.value, percent.decimals))) continue;
        const d = percent.decimals;
        emit({
          messageId: 'noWhole',
          data: {
            tried: values.map((v) => `${part.value}÷${v}=${fixed((part.value / v) * 100, d)}%`).join('、'),
            triedEn: values.map((v) => `${part.value} ÷ ${v} = ${fixed((part.value / v) * 100, d)}%`).join(', '),
            printed: percent.numberText,
          },
          range: percent.range,
          actual: fixed(percent.value, d),
          // the whole is not named: a warning
          severity: 'warning',
        });
        continue;
      }
      if (whole.approx || whole.value <= 0) continue;
      if (sh.pairing === 'line' && !options.lineShares) continue;
      const calc = (part.value / whole.value) * 100;
      if (shareMatches(calc, percent.value, percent.decimals)) continue;
      const d = percent.decimals;
      emit({
        messageId: 'mismatch',
        data: { part: part.value, whole: whole.value, calc: fixed(calc, d), printed: percent.numberText },
        range: percent.range,
        expected: fixed(calc, d),
        actual: fixed(percent.value, d),
        // a pairing made only because the line holds one share and one count is less certain
        severity: sh.pairing === 'line' ? 'warning' : undefined,
      });
    }
  },
});
