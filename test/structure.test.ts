import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuffer, readPath } from '../src/read/index.js';
import { lintText, modelDocument } from '../src/lint.js';
import { allRules } from '../rules/index.js';
import { devLabels, devPath, seedPath, repoRoot } from './helpers/corpus.js';
import { readNumbering } from '../src/model/numbering.js';
import { chineseNumber } from '../src/model/numerals.js';

const STRUCTURAL = ['required-sections', 'section-order', 'empty-section', 'report-title', 'report-year'];
const structuralRules = allRules.filter((r) => STRUCTURAL.includes(r.id));

function model(text: string, file = 'r.txt') {
  return modelDocument(readBuffer(Buffer.from(text), file)).report;
}

describe('numbering and numerals', () => {
  it.each([
    ['一、总体情况', 'cn-dun', 1],
    ['十二、其他', 'cn-dun', 12],
    ['（三）不予公开', 'cn-paren', 3],
    ['(二)部分公开', 'cn-paren', 2],
    ['3.信息公开的形式', 'arabic-dot', 3],
    ['4、开设互动渠道', 'arabic-dot', 4],
    ['（2）网站', 'arabic-paren', 2],
    ['②政务微博', 'circled', 2],
    ['第二部分 主动公开', 'part', 2],
  ])('%s', (line, style, ordinal) => {
    expect(readNumbering(line)?.numbering).toMatchObject({ style, ordinal });
  });

  it('does not read decimals, years or 一是 as numbering', () => {
    expect(readNumbering('3.25万元')).toBeUndefined();
    expect(readNumbering('2021年，我局')).toBeUndefined();
    expect(readNumbering('一是加强组织领导')).toBeUndefined();
  });

  it('reads Chinese numerals', () => {
    expect(chineseNumber('一百二十三')).toBe(123);
    expect(chineseNumber('两千零五')).toBe(2005);
    expect(chineseNumber('十一')).toBe(11);
    expect(chineseNumber('二〇二一')).toBe(2021);
    // 零 for 〇, as many type it
    expect(chineseNumber('二零二一')).toBe(2021);
    expect(chineseNumber('二零零八')).toBe(2008);
    expect(Number.isNaN(chineseNumber('总计'))).toBe(true);
  });
});

describe('section tree', () => {
  it('nests sub-sections and keeps body text on a heading line', () => {
    const r = model('某局2021年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开。本年公开120条。\n1.网站\n二、主动公开政府信息情况\n见表。');
    expect(r.sections.map((s) => s.title)).toEqual(['总体情况', '主动公开政府信息情况']);
    const sub = r.sections[0]!.children[0]!;
    expect(sub).toMatchObject({ title: '主动公开', level: 2, inlineBody: true });
    expect(sub.children[0]).toMatchObject({ title: '网站', level: 3 });
  });

  it('does not let a restarted 一、 list cut a part short', () => {
    const r = model('一、总体情况\n正文\n二、主动公开政府信息情况\n一、网站公开\n正文');
    expect(r.sections.map((s) => s.title)).toEqual(['总体情况', '主动公开政府信息情况']);
  });

  it('reads numbered prose as prose, not as a heading', () => {
    const r = model('一、总体情况\n1、我局高度重视政府信息公开工作，成立了领导小组，由局长任组长，分管副局长任副组长，各股室负责人为成员\n');
    expect(r.sections[0]!.children).toHaveLength(0);
  });

  it('gives Markdown and plain text the same sections, with positions in each file', () => {
    const md = model('# 某局2021年政府信息公开工作年度报告\n\n## **一、总体情况**\n\n正文。\n\n## 二、主动公开政府信息情况\n\n正文。\n', 'r.md');
    const txt = model('某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n');
    expect(md.sections.map((s) => s.title)).toEqual(txt.sections.map((s) => s.title));
    expect(md.title?.text).toBe(txt.title?.text);
    // the heading's title maps past the Markdown markup
    const s = md.sections[0]!;
    expect(md.doc.text.slice(s.titleText.range().start, s.titleText.range().end)).toBe('总体情况');
    expect(md.doc.position(s.heading.range.start)).toEqual({ line: 3, column: 1 });
    expect(md.doc.position(s.titleText.range().start)).toEqual({ line: 3, column: 8 });
  });

  it.each([
    ['one cell per line', '四、结转下年度继续办理\n0\n0\n0\n0\n0\n0\n0'],
    ['a row with its figures', '四、结转下年度继续办理 0 0 0 0 0 0 0'],
    ['a row with spaced label', '四、 结转下年度继续办理  3  0  0  0  0  0  3'],
    ['a row run together', '四、结转下年度继续办理0000000'],
  ])('a row of table 3 laid out as text is not section 四 (%s)', (_, row) => {
    const r = model(`某局2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n3\n${row}\n四、政府信息公开行政复议、行政诉讼情况\n正文。\n五、存在的主要问题及改进情况\n正文。\n`);
    expect(r.sections.map((s) => s.title)).toEqual(['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况']);
  });

  it('keeps the numbering of Markdown ordered lists', () => {
    const r = model('一、总体情况\n\n1. 加强领导\n2. 完善制度\n', 'r.md');
    expect(r.sections[0]!.children.map((c) => c.title)).toEqual(['加强领导', '完善制度']);
  });
});

describe('Markdown indented four spaces or more', () => {
  const report = (indent: string): string =>
    `# 某局2023年政府信息公开工作年度报告\n\n${indent}本报告根据《条例》编制，所列数据的统计期限自2023年1月1日至2023年12月31日。如有疑问请联系电话0512-12345678。\n\n一、总体情况\n\n${indent}2023年，本局认真贯彻落实条例。\n`;

  it('is text (paragraphs indented with spaces), not code: its period and contact are read', () => {
    const r = model(report('    '), 'r.md');
    expect(r.blocks.filter((b) => b.type === 'code')).toHaveLength(0);
    expect(r.periods.length).toBeGreaterThan(0);
    expect(r.contacts.map((c) => c.value)).toContain('0512-12345678');
    // positions point at the text itself, past its indentation
    const b = r.blocks.find((x) => x.text.text.startsWith('2023年，本局'))!;
    expect(r.doc.text.slice(b.range.start, b.range.end)).toBe('2023年，本局认真贯彻落实条例。');
    expect(model(report(''), 'r.md').periods.length).toBe(r.periods.length);
  });

  it('a fenced block, or one inside a quote, stays code', () => {
    const fenced = model('# 某局2023年政府信息公开工作年度报告\n\n```\n联系电话0512-12345678\n```\n', 'r.md');
    expect(fenced.blocks.map((b) => b.type)).toEqual(['heading', 'code']);
    const quoted = model('# 某局2023年政府信息公开工作年度报告\n\n>     联系电话0512-12345678\n>     邮箱\n', 'r.md');
    expect(quoted.blocks.map((b) => b.type)).toContain('code');
  });
});

describe('title, agency and year', () => {
  it('joins a title split over two lines', () => {
    const r = model('故城县教育局\n2020年政府信息公开工作年度报告\n一、总体情况\n正文');
    expect(r.title).toMatchObject({ text: '故城县教育局2020年政府信息公开工作年度报告', year: 2020, agency: '故城县教育局', standard: true });
  });

  it.each([
    ['two lines', ['平安县交通运输局 2023 年政府信息公开工作年', '度报告'], 'r.txt'],
    ['two lines cut inside 政府', ['青河县人民政府办公室2022年政', '府信息公开工作年度报告'], 'r.txt'],
    ['three lines', ['青河县人民政府办公室', '2022年政府信息公', '开工作年度报告'], 'r.txt'],
    ['two Markdown headings', ['# 平安县交通运输局2023年政府信息公开工作', '# 年度报告'], 'r.md'],
  ])('joins a title in large type wrapped over lines none of which is a title alone (%s)', (_, lines, file) => {
    const intro = '本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自年初起至年末止。';
    const text = `${lines.join('\n')}\n${intro}\n一、总体情况\n正文。\n`;
    const r = model(text, file);
    const joined = lines.map((l) => l.replace(/^# /, '').replace(/ /g, '')).join('');
    expect(r.title).toMatchObject({ text: joined, standard: true });
    expect(r.title!.year).toBe(Number(/\d{4}/.exec(joined)![0]));
    // the title's range runs from its first line to its last (in the text as read: spaces around figures taken out)
    expect(r.doc.text.slice(r.title!.range.start, r.title!.range.end).replace(/[\s#]/g, '')).toBe(joined);
  });

  it.each([
    ['an intro sentence after a title', '某某局2023年政府信息公开工作年度报告\n本报告根据《条例》编制，现予公布。\n一、总体情况\n正文。', '某某局2023年政府信息公开工作年度报告'],
    ['a line of its own after the name', '某某局\n2023年政府信息公开工作年度报告\n一、总体情况\n正文。', '某某局2023年政府信息公开工作年度报告'],
    ['no title words across the lines', '某某局\n工作总结\n一、总体情况\n正文。', undefined],
  ])('joins no lines into a title that does not need them (%s)', (_, text, title) => {
    expect(model(text).title?.text).toBe(title);
  });

  it('finds the body after the year', () => {
    expect(model('2018年建新镇政府信息公开工作年度报告\n一、概述').agency).toBe('建新镇');
  });

  it('does not take a sentence that names the report for its title, but takes its year', () => {
    const r = model('根据《条例》要求，现向社会公布广元市某镇人民政府2023年政府信息公开工作年度报告。本报告由六部分组成。\n一、总体情况\n正文');
    expect(r.title).toBeUndefined();
    expect(r.year).toMatchObject({ value: 2023, source: 'name' });
  });

  describe('a title year that the rest of the report outvotes is not the report year', () => {
    const report = (title: number, period: number, text: number[], published?: number) =>
      model(
        [
          `某镇人民政府${title}年政府信息公开工作年度报告`,
          `本报告数据统计期限自${period}年1月1日至${period}年12月31日止。`,
          '一、总体情况',
          ...text.map((y) => `${y}年，我镇主动公开政府信息120条。`),
          '二、主动公开政府信息情况',
          '见下表。',
          ...(published ? ['某镇人民政府', `${published}年1月20日`] : []),
        ].join('\n'),
      );
    // every combination of the title, the period, the text and the publication date
    const cases: [number, number, number[], number | undefined][] = [];
    for (const title of [2022, 2023, 2024])
      for (const period of [2023, 2024])
        for (const text of [[], [2023], [2024], [2024, 2024], [2023, 2024]])
          for (const published of [undefined, 2024, 2025]) cases.push([title, period, text, published]);
    it.each(cases)('title %i, period %i, text %j, published %s', (title, period, text, published) => {
      const r = report(title, period, text, published);
      const counts = new Map<number, number>();
      for (const y of text) counts.set(y, (counts.get(y) ?? 0) + 1);
      const textYear = [...counts].find(([, n]) => n * 2 > text.length)?.[0];
      const votes = (y: number) => Number(textYear === y) + Number(published !== undefined && published - 1 === y);
      const outvoted = title !== period && votes(period) > votes(title);
      expect(r.year).toMatchObject(outvoted ? { value: period, source: 'period' } : { value: title, source: 'title' });
      // the report-year finding still points at the title in that case
      const finding = lintText(r.doc.text, 'r.txt').messages.find((m) => m.ruleId === 'report-year' && m.severity === 2);
      if (outvoted) expect(finding).toMatchObject({ line: 1, expected: period, actual: title });
    });
  });

  it('chooses the generation from the year, and from the structure when no year is given', () => {
    expect(model('某局2018年政府信息公开工作年度报告').generation).toBe('legacy');
    expect(model('某局2019年政府信息公开工作年度报告').generation).toBe('format-2019');
    expect(model('某局2022年政府信息公开工作年度报告').generation).toBe('format-2021');
    const r = model('政府信息公开年报\n一、概述\n正文\n二、咨询情况\n正文');
    expect(r).toMatchObject({ generation: 'legacy', generationSource: 'structure' });
  });
});

describe('the seeds', () => {
  const lint = async (n: number) => {
    const doc = await readPath(seedPath(n));
    const { lintDocument } = await import('../src/lint.js');
    return lintDocument(doc, { rules: structuralRules });
  };

  it('seed 000: a complete legacy report, only the title lacks the body’s name', async () => {
    const r = await lint(0);
    expect(r.report).toMatchObject({ year: 2016, profile: 'legacy' });
    expect(r.messages.map((m) => [m.ruleId, m.line, m.severity])).toEqual([['report-title', 2, 1]]);
  });

  it('seed 001: no year anywhere, a non-standard title, read as legacy by its structure', async () => {
    const r = await lint(1);
    expect(r.report).toMatchObject({ year: null, profile: 'legacy', title: '贯彻政务资讯工作年报' });
    // the title's missing year is part of the unknown report year: reported once, the other kept as superseded
    expect(r.messages.map((m) => `${m.ruleId}/${m.messageId}`).sort()).toEqual(['report-title/nonStandard', 'report-year/unknown']);
    expect(r.messages.find((m) => m.ruleId === 'report-year')!.severity).toBe(2);
    expect(r.suppressedMessages?.map((m) => [`${m.ruleId}/${m.messageId}`, m.suppressions[0]!.kind])).toEqual([['report-title/noYear', 'superseded']]);
  });

  it('seed 002: the report after its cover letter', async () => {
    const r = await lint(2);
    expect(r.report).toMatchObject({ year: 2017, profile: 'legacy', title: '格尔木市2017年政府信息公开工作年度报告', agency: '格尔木市' });
    expect(r.messages).toEqual([]);
  });

  it('seed 003: its four article-32 matters are sub-sections of part one', async () => {
    const r = await lint(3);
    expect(r.report).toMatchObject({ year: 2017, agency: '万源市民政局' });
    expect(r.messages).toEqual([]);
  });

  it('seed 004: a non-standard title, and fees and review/litigation never reported', async () => {
    const r = await lint(4);
    expect(r.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['report-title', 3],
      ['required-sections', 67],
      ['required-sections', 67],
    ]);
    expect(r.messages.slice(1).map((m) => m.expected)).toEqual(['政府信息公开的收费及减免情况', '因政府信息公开申请行政复议、提起行政诉讼的情况']);
  });
});

describe('the labelled dev reports', () => {
  const labels = devLabels();

  it('title line found exactly where the labels say there is one', async () => {
    const disagree: string[] = [];
    for (const l of labels) {
      const { report } = modelDocument(await readPath(devPath(l.file)));
      if (!!report.title !== l.title) disagree.push(l.file);
    }
    expect(disagree).toEqual([]);
  });

  // B-008 and B-092 have no title line and name themselves one year in a sentence while their
  // statistics period and body cover the next; the labels keep the name's year, the model takes
  // the period's (C-036, the same case, is labelled by its period), and report-year reports the
  // disagreement.
  const YEAR_DISAGREEMENTS = ['B-008.txt', 'B-092.txt'];

  it('report year agrees with the labels', async () => {
    const disagree: string[] = [];
    for (const l of labels) {
      const { report } = modelDocument(await readPath(devPath(l.file)));
      if ((report.year?.value ?? null) !== l.year) disagree.push(l.file);
    }
    expect(disagree).toEqual(YEAR_DISAGREEMENTS);
  });

  it('report-title never says a labelled title is missing', async () => {
    for (const l of labels.filter((x) => x.title)) {
      const r = lintText(readFileSync(devPath(l.file), 'utf8'), l.file, { rules: structuralRules });
      expect(r.messages.filter((m) => m.messageId === 'missing' && m.ruleId === 'report-title'), l.file).toEqual([]);
    }
  });
});

describe('bundled samples', () => {
  it('the clean 2021 sample passes every structural rule', () => {
    const file = path.join(repoRoot, 'fixtures/samples/2021-qinghe-clean.md');
    const r = lintText(readFileSync(file, 'utf8'), file, { rules: structuralRules });
    expect(r.messages).toEqual([]);
    expect(r.report).toMatchObject({ year: 2021, profile: 'format-2021', agency: '青禾县市场监督管理局' });
  });
});

describe('inline configuration comments', () => {
  const text = '<!-- ogi-lint-disable report-title -->\n\n政府信息公开情况说明\n\n<!-- ogi-lint-enable -->\n\n一、总体情况\n\n正文\n';
  it('disable/enable silences a rule between the comments', () => {
    const on = lintText(text.replace(/<!--.*?-->/g, ''), 'r.md', { rules: structuralRules, only: ['report-title'] });
    const off = lintText(text, 'r.md', { rules: structuralRules, only: ['report-title'] });
    expect(on.messages.map((m) => m.ruleId)).toEqual(['report-title']);
    expect(off.messages).toEqual([]);
  });
  it('disable-next-line silences only the next line', () => {
    const t = '某局政府信息公开工作年度报告\n\n<!-- ogi-lint-disable-next-line report-year -->\n一、总体情况\n';
    const r = lintText(t, 'r.md', { rules: structuralRules, only: ['report-year', 'report-title'] });
    // the year finding is on line 1, so the comment on line 3 does not touch it
    expect(r.messages.map((m) => m.ruleId)).toContain('report-year');
    const t2 = '<!-- ogi-lint-disable-next-line report-year report-title -->\n某局政府信息公开工作年度报告\n\n一、总体情况\n';
    expect(lintText(t2, 'r.md', { rules: structuralRules, only: ['report-year', 'report-title'] }).messages).toEqual([]);
  });
});
