import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { PARTS_2021, reportText } from '../src/rules/example-texts.js';
import { mentionOf, titleTypo } from '../src/model/section-match.js';
import { sectionMatches } from '../src/rules/section-matches.js';
import { textSeenToEnd } from '../src/model/completeness.js';

interface Options {
  /** section ids of the profile not to require */
  ignore: string[];
}

export default defineRule<Options>({
  id: 'required-sections',
  description: {
    zh: '年报须包含格式规定的各个部分（按含义匹配标题，不要求字字相同）',
    en: 'The report has every section its format requires (titles are matched on meaning, not wording)',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: {
    type: 'object',
    properties: {
      ignore: { type: 'array', items: { type: 'string' }, description: 'section ids not to require' },
    },
    additionalProperties: false,
  },
  defaultOptions: { ignore: [] },
  messages: {
    missing: { zh: '缺少必备部分“{title}”', en: 'required section missing: “{title}” ({en})' },
    noSections: {
      zh: '未识别出任何章节标题（如“一、总体情况”），无法检查必备部分',
      en: 'no section headings (such as “一、总体情况”) were recognised; required sections cannot be checked',
    },
    headingTypo: {
      zh: '第{order}部分标题与格式规定的措辞不符，疑为笔误：应为“{expected}”，实为“{actual}”',
      en: 'the heading of part {order} differs from the format’s wording, apparently a typo: “{actual}” where the format has “{expected}”',
    },
  },
  examples: {
    valid: [
      {
        title: '六个部分齐全，标题措辞与格式略有不同也可',
        text: reportText(PARTS_2021.map(([h, b]) => (h.startsWith('五') ? ['五、存在问题及改进措施', b] : [h, b]))),
        expected: [],
      },
      {
        title: '正文在第三部分之后中断（复制不全）：其后的部分不判断',
        text: reportText(PARTS_2021.slice(0, 3)),
        expected: [],
      },
      {
        title: '标题的常见写法（政务信息、及/和、的、其它、省去“政府信息公开”）不算笔误',
        text: reportText(PARTS_2021.map(([, b], i) => [['一、总体概况', '二、主动公开政务信息情况', '三、收到及处理政府信息公开申请的情况', '四、行政复议、行政诉讼情况', '五、存在的问题及改进措施', '六、其它需要报告的事项'][i]!, b])),
        expected: [],
      },
    ],
    invalid: [
      {
        title: '“（一）主动公开”只是总体情况下的小标题，不能代替第二部分',
        text: reportText([
          ['一、总体情况', '本局认真贯彻《条例》。\n（一）主动公开\n本年主动公开信息120条。'],
          ...PARTS_2021.filter(([h]) => !h.startsWith('一') && !h.startsWith('二')),
        ]),
        expected: [{ line: 6, column: 1, endLine: 6, endColumn: 18, message: '缺少必备部分“二、主动公开政府信息情况”' }],
      },
      {
        title: '全文一段到底，没有任何部分标题',
        text: `某某局2021年政府信息公开工作年度报告
2021年，本局认真贯彻《条例》，全年主动公开政府信息120条，收到政府信息公开申请5件，均已按期答复。本年度未发生行政复议、行政诉讼，未收取信息处理费。
某某局
2022年1月20日`,
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 21, message: '未识别出任何章节标题（如“一、总体情况”），无法检查必备部分' }],
      },
      {
        title: '缺少第五部分“存在的主要问题及改进情况”',
        text: reportText(PARTS_2021.filter(([h]) => !h.startsWith('五'))),
        expected: [
          { line: 10, column: 1, endLine: 10, endColumn: 12, message: '缺少必备部分“五、存在的主要问题及改进情况”' },
        ],
      },
      {
        title: '第四部分标题多了一个字（行政法复议）：部分已有，措辞疑为笔误（警告）',
        text: reportText(PARTS_2021.map(([h, b]) => (h.startsWith('四') ? ['四、政府信息公开行政法复议、行政诉讼情况', b] : [h, b]))),
        expected: [
          {
            line: 8,
            column: 3,
            endLine: 8,
            endColumn: 21,
            severity: 'warning',
            message: '第4部分标题与格式规定的措辞不符，疑为笔误：应为“政府信息公开行政复议、行政诉讼情况”，实为“政府信息公开行政法复议、行政诉讼情况”',
            expected: '政府信息公开行政复议、行政诉讼情况',
            actual: '政府信息公开行政法复议、行政诉讼情况',
          },
        ],
      },
    ],
  },
  check({ report, profile, options, emit }) {
    const specs = profile.sections.filter((s) => s.required && !options.ignore.includes(s.id));
    if (specs.length === 0) return;
    // a text that stops without its end in sight may be a beginning cut short: what would come
    // after the last part found is not judged
    const ends = textSeenToEnd(report);
    if (report.sections.length === 0) {
      if (!ends) return;
      const first = report.title?.range ?? report.blocks[0]?.range ?? { start: 0, end: 0 };
      emit({ messageId: 'noSections', range: first });
      return;
    }
    const matches = sectionMatches(report, profile.sections);
    const found = matches.filter((m) => m.section);
    // a part's heading that reads as the format's title with one character wrong (a warning:
    // the part is there); the 2008 regulation sets contents, not the wording of headings
    if (report.generation !== 'legacy') {
      for (const m of found) {
        const sec = m.section!;
        if (sec.level !== 1 || sec.numbering?.ordinal !== m.spec.order) continue;
        const expected = titleTypo(sec.title, m.spec.title);
        if (expected === undefined) continue;
        emit({
          messageId: 'headingTypo',
          data: { order: m.spec.order, expected, actual: sec.title },
          range: sec.titleText.range(),
          severity: 'warning',
          expected,
          actual: sec.title,
        });
      }
    }
    // the text reaches the format's last part: what is missing is missing, whatever the order
    const lastPart = Math.max(...profile.sections.map((s) => s.order));
    const reachesEnd = ends || found.some((f) => f.section!.level === 1 && f.spec.order === lastPart);
    const ordered = profile.rules?.['section-order'] !== 'off';
    const lastOrder = Math.max(0, ...found.filter((f) => f.section!.level === 1).map((f) => f.spec.order));
    for (const m of matches) {
      if (m.section || !specs.includes(m.spec)) continue;
      // where the format sets no order (section-order off), any part may still come later
      if (!reachesEnd && (m.spec.order > lastOrder || !ordered)) continue;
      // formats without fixed headings: the matter reported in the text is enough
      if (mentionOf(report, m.spec)) continue;
      // point at the heading that stands where the missing part belongs
      const next = found
        .filter((f) => f.spec.order > m.spec.order && f.section!.level === 1)
        .sort((a, b) => a.spec.order - b.spec.order)[0];
      const last = report.sections[report.sections.length - 1]!;
      const at = next ? next.section!.heading.range : { start: last.range.end, end: last.range.end };
      emit({
        messageId: 'missing',
        data: { title: m.spec.title, en: m.spec.en },
        range: at,
        expected: m.spec.title,
        actual: null,
      });
    }
  },
});
