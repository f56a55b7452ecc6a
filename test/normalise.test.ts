import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normaliseText, displayWidth } from '../src/read/normalise.js';
import { readBuffer } from '../src/read/index.js';
import { lintText, modelDocument } from '../src/lint.js';
import { applyFixes } from '../src/fix/index.js';
import { corpusDir } from './helpers/corpus.js';

/** Every character of the normalised text stands for a character of the raw text. */
function expectMapped(raw: string, norm: { text: string; toRaw(o: number): number }): void {
  for (let i = 0; i < norm.text.length; i++) {
    const c = norm.text[i]!;
    const r = raw[norm.toRaw(i)];
    if (c === r) continue;
    // a line break stands for the space or line break it replaced; folded full-width forms for themselves
    if (/\s/.test(c) && r !== undefined && /\s/.test(r)) continue;
    if (c === '\n') continue; // inserted before a heading in a dump: it points at the heading
    if (r !== undefined && r.charCodeAt(0) - 0xfee0 === c.charCodeAt(0)) continue;
    throw new Error(`offset ${i}: ${JSON.stringify(c)} maps to ${JSON.stringify(r)}`);
  }
}

// ---- a generated report body: headings and paragraphs of sentences with figures ----
const subjects = ['我局主动公开政府信息', '全年共受理政府信息公开申请', '本机关办理行政复议', '新增公开规范性文件', '组织召开新闻发布会', '全区在运维政务新媒体'];
const units = ['条', '件', '个', '场', '次'];
const fillers = ['坚持以人民为中心的发展思想', '持续深化重点领域信息公开', '不断提升政务公开质效', '进一步规范政府信息管理', '强化政策解读和回应关切', '围绕中心服务大局', '加强政府网站和政务新媒体管理', '推进基层政务公开标准化规范化', '严格落实公开前保密审查', '及时回应社会关切', '做好重大行政决策预公开', '优化依申请公开办理流程'];
const headings = ['一、总体情况', '（一）主动公开情况', '（二）依申请公开情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况'];

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...fillers), { minLength: 1, maxLength: 3 }), fc.constantFrom(...subjects), fc.integer({ min: 0, max: 99999 }), fc.constantFrom(...units), fc.integer({ min: 2019, max: 2025 }))
  .map(([f, s, n, u, y]) => `${y}年，${f.join('，')}，${s}${n}${u}。`);
const paragraph = fc.array(sentence, { minLength: 2, maxLength: 5 }).map((ss) => ss.join(''));
const body = fc.uniqueArray(fc.tuple(fc.constantFrom(...headings), fc.array(paragraph, { minLength: 1, maxLength: 3 })), { minLength: 4, maxLength: 6, selector: (t) => t[0] });

interface Layout {
  width: number;
  doubleSpaced: boolean;
  spacedDigits: boolean;
  pageEvery: number;
  pageStyle: number;
  runningHead: boolean;
}
const layout = fc.record({
  width: fc.integer({ min: 22, max: 40 }),
  doubleSpaced: fc.boolean(),
  spacedDigits: fc.boolean(),
  pageEvery: fc.integer({ min: 12, max: 40 }),
  pageStyle: fc.integer({ min: 0, max: 2 }),
  runningHead: fc.boolean(),
});
const HEAD = '某某县人民政府办公室2024年政府信息公开工作年度报告';

/** PDF-style digits: `2024 年 1 月` */
const spaceDigits = (s: string): string => s.replace(/(\d+)/g, ' $1 ').replace(/^ | $/gm, '').replace(/ ([。，、])/g, '$1');

/** Wrap a paragraph at a display width, never inside a run of Latin digits or letters. */
function wrap(p: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  const tokens = p.match(/[0-9A-Za-z]+ ?|./gu) ?? [];
  for (const t of tokens) {
    if (line && displayWidth(line + t) > width * 2) {
      out.push(line.trimEnd());
      line = '';
    }
    line += t;
  }
  if (line) out.push(line.trimEnd());
  return out;
}

function render(sections: [string, string[]][], l: Layout): string {
  const lines: string[] = [];
  let page = 1;
  const push = (s: string): void => {
    lines.push(s);
    if (lines.length % l.pageEvery === 0) {
      const n = page++;
      lines.push(['- ' + n + ' -', '— ' + n + ' —', `第 ${n} 页`][l.pageStyle]!);
      if (l.runningHead) lines.push(HEAD);
    }
  };
  for (const [h, ps] of sections) {
    push(h);
    for (const p of ps) for (const w of wrap(l.spacedDigits ? spaceDigits(p) : p, l.width)) push(w);
  }
  return l.doubleSpaced ? lines.join('\n\n') + '\n' : lines.join('\n') + '\n';
}

const sentencesOf = (sections: [string, string[]][]): string[] => sections.flatMap(([, ps]) => ps.flatMap((p) => p.split(/(?<=。)/)));

describe('text normalisation: generated hard-wrapped reports', () => {
  it('every sentence comes out whole on one line, headings stay apart, page numbers go, positions map back', () => {
    fc.assert(
      fc.property(body, layout, (sections, l) => {
        const raw = render(sections, l);
        // a text of a few lines does not show that it is wrapped; reports are longer
        // (and a text whose lines all end with a full stop cannot be told from one paragraph per line)
        const full = raw.split('\n').filter((x) => displayWidth(x) >= l.width * 2 * 0.85);
        fc.pre(full.length >= 12 && full.filter((x) => !x.endsWith('。')).length >= full.length * 0.6);
        // a running head is known by recurring: on one page alone it is a line like any other
        fc.pre(!l.runningHead || raw.split(HEAD).length !== 2);
        const norm = normaliseText(raw, 'text');
        expectMapped(raw, norm);
        const out = norm.text.split('\n').map((s) => s.trim()).filter(Boolean);
        for (const s of sentencesOf(sections)) expect(out.some((line) => line.includes(s))).toBe(true);
        for (const [h] of sections) expect(out).toContain(h);
        expect(out.some((line) => /^(?:- \d+ -|— \d+ —|第 \d+ 页)$/.test(line))).toBe(false);
        // a running head on two pages or more is page chrome
        if (l.runningHead) expect(out.some((line) => line.includes(HEAD))).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('a short text has only a few wrapped lines: they are joined too when they are the widest and stop mid-sentence', () => {
    fc.assert(
      fc.property(body, layout, (sections, l) => {
        const raw = render(sections, { ...l, pageEvery: 1000, runningHead: false });
        const lines = raw.split('\n').filter((x) => x.trim() && !/^[一二三四五六（]/.test(x));
        const widest = Math.max(...lines.map((x) => displayWidth(x.trim())));
        const top = lines.filter((x) => displayWidth(x.trim()) >= widest * 0.9);
        // (the few lines that fill the width must show it: three at least, nearly all stopping mid-sentence)
        fc.pre(widest >= 40 && top.length >= 3 && top.filter((x) => !/[。！？；：]$/.test(x.trim())).length >= top.length * 0.8);
        const norm = normaliseText(raw, 'text');
        expectMapped(raw, norm);
        const out = norm.text.split('\n').map((x) => x.trim()).filter(Boolean);
        for (const x of sentencesOf(sections)) expect(out.some((line) => line.includes(x))).toBe(true);
        for (const [h] of sections) expect(out).toContain(h);
      }),
      { numRuns: 150 },
    );
  });

  it('a short report taken out of a PDF (pdftotext): the sentence its part five wraps is whole, the title stays apart', () => {
    const raw = [
      '平安县交通运输局 2023 年政府信息公开工作年度报告',
      '本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自 2023 年 1 月 1 日',
      '起至 2023 年 12 月 31 日止。本报告电子版可在平安县人民政府门户网站查阅。如对本报告有疑问，',
      '请与平安县交通运输局办公室联系（电话：0512-12345678）。',
      '一、总体情况',
      '2023 年，本局认真贯彻落实《条例》，扎实推进政府信息公开工作。',
      '五、存在的主要问题及改进情况',
      '存在的主要问题是工作人员业务能力有待提高。改进措施：加强业务培训，完善工作制度。上一',
      '年度存在的问题已整改完毕。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
      '',
    ].join('\n');
    const out = normaliseText(raw, 'text').text.split('\n');
    expect(out).toContain('改进措施：加强业务培训，完善工作制度。上一年度存在的问题已整改完毕。'.replace(/^/, '存在的主要问题是工作人员业务能力有待提高。'));
    expect(out).toContain('平安县交通运输局2023年政府信息公开工作年度报告');
    expect(out.some((x) => x.startsWith('本报告根据') && x.endsWith('（电话：0512-12345678）。'))).toBe(true);
    // the same lines, each ending with a full stop as a text with a paragraph a line does: left apart
    const paragraphs = raw.replace('上一\n年度', '上一年度。\n年度').replace('12 月 31 日止。', '12 月 31 日止').replace('如对本报告有疑问，\n', '如对本报告有疑问。\n').replace('1 日\n', '1 日。\n');
    expect(normaliseText(paragraphs, 'text').text.split('\n')).toHaveLength(paragraphs.split('\n').length);
  });

  it('the header rows of a table that a page repeats at its top (after a form feed) are left out, the rows kept', () => {
    const header = ['                       申请人情况', '（本列数据的勾稽关系为：第      法人或其他组织', '一项加第二项之和，等于第三', '项加第四项之和）   自然人   商业企业   总计'];
    const text = (top: string[], mark = '\f'): string =>
      [
        '三、收到和处理政府信息公开申请情况',
        ...header,
        '一、本年新收政府信息公开申请数量     3     0     3',
        '            属于行政查询 198        261         459',
        // the next page: its first lines, then the rest of the cut label
        `${mark}${top[0]!}`,
        '',
        ...top.slice(1),
        '',
        '            事项',
        '            本机关不掌握     1     0     1',
        '',
      ].join('\n');
    // the header again, laid out a little differently
    const again = [header[0]!.slice(2), header[1]!.replace('      ', '          '), header[2]!, header[3]!.replace('   自然人', '     自然人')];
    const out = normaliseText(text(again), 'text').text;
    expect(out.split('申请人情况')).toHaveLength(2);
    expect(out.split('勾稽关系')).toHaveLength(2);
    expect(out).toMatch(/459\n\s*事项\n\s*本机关不掌握/);
    // a page that repeats one line only is left as it is
    expect(normaliseText(text([header[0]!, '另一行', '又一行']), 'text').text.split('申请人情况')).toHaveLength(3);
    // pages not marked (pdftotext -nopgbrk): the header laid out in columns breaks off rows of figures, and is left out too
    const unmarked = normaliseText(text(again, ''), 'text').text;
    expect(unmarked.split('申请人情况')).toHaveLength(2);
    expect(unmarked).toMatch(/459\n\s*事项\n\s*本机关不掌握/);
  });

  it('a wrapped text does not join a line of the page\'s details, or a table\'s row set apart by single spaces, to its neighbours', () => {
    const wrapped = (lines: string[]): string => normaliseText(lines.join('\n') + '\n', 'text').text;
    // (eight lines wrapped at one width, stopping mid-sentence, so that the text reads as wrapped)
    const prose = Array.from({ length: 8 }, (_, i) => `第${i + 1}段，本机关认真贯彻落实政府信息公开条例，持续深化重点领域信息公开，不断提升政务公`);
    const out = wrapped(['发布时间：2022-01-20 来源：临川市自然资源局 字号：大 中 小本报告根据《条例》编制，所列数据的统计期', '限自2021年1月1日起至2021年12月31日止。', ...prose, '开质效。']).split('\n');
    expect(out[0]).toBe('发布时间：2022-01-20 来源：临川市自然资源局 字号：大 中 小本报告根据《条例》编制，所列数据的统计期');
    const table = wrapped([...prose, '开质效，信息内容 本年新制作数量 本年新公开数量 对外公开总数量', '规章 0 0 0', '规范性文件 3 3 20', '']).split('\n');
    expect(table).toContain('规章 0 0 0');
    expect(table).toContain('规范性文件 3 3 20');
  });

  it('the headers of a table\'s parts given a cell a line, repeated between rows of figures, are kept', () => {
    // table 2 a cell a line: its parts (五) and (六) have the same header, each under its part's title
    const raw = ['第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '12', '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '3', '行政强制', '0', ''].join('\n');
    expect(normaliseText(raw, 'text').text).toBe(raw);
    // without the parts' titles too: no line of the header is laid out in columns
    const untitled = raw.replace('第二十条第（六）项\n', '');
    expect(normaliseText(untitled, 'text').text).toBe(untitled);
  });

  it('a line of prose that happens to stand by two page numbers is text, not a running head', () => {
    // a short, repetitive text wrapped at 23 characters: the same line of a sentence ends two pages
    const line = '人民为中心的发展思想，坚持以人民为中心的发展思';
    const filler = (n: number): string[] => Array.from({ length: n }, (_, i) => `第${i + 1}段，坚持以人民为中心的发展思想，我局主动公开信息`);
    const raw = ['一、总体情况', ...filler(12), '2019年，坚持以', line, '- 1 -', '想，全年共受理政府信息公开申请0条。', ...filler(12), '2019年，坚持以', line, '- 2 -', '想，我局主动公开政府信息0条。', ''].join('\n');
    const out = normaliseText(raw, 'text').text;
    expect(out.split(line).length).toBe(3);
    expect(out).not.toMatch(/- [12] -/);
    // a title that stands by both page numbers is the page's running head
    const title = '某某县人民政府办公室2024年政府信息公开工作年度报告';
    const headed = raw.replaceAll(`${line}\n- 1 -`, `${line}\n${title}\n- 1 -`).replaceAll(`${line}\n- 2 -`, `${line}\n${title}\n- 2 -`);
    expect(normaliseText(headed, 'text').text).not.toContain(title);
  });

  it('a telephone number wrapped after its area code is whole again, however the rest is wrapped', () => {
    const raw = '本报告电子版可在门户网站查阅。如对本报告有疑问，请与办公室联系（电话：0512-\n12345678）。\n一、总体情况\n规章  0512-\n2023年，本局认真贯彻落实《条例》。';
    const lines = normaliseText(raw, 'text').text.split('\n');
    expect(lines[0]).toBe('本报告电子版可在门户网站查阅。如对本报告有疑问，请与办公室联系（电话：0512-12345678）。');
    // (a line ending with a hyphen that no number follows stays apart)
    expect(lines).toContain('规章  0512-');
    expect(lintText(raw, 'report.txt').messages.filter((m) => m.ruleId === 'contact-info' && /位数/.test(m.message))).toEqual([]);
  });

  it('a web or e-mail address wrapped at the end of its line is whole again; Latin words keep their space', () => {
    const prose = Array.from({ length: 8 }, (_, i) => `第${i + 1}段，本机关认真贯彻落实政府信息公开条例，持续深化重点领域信息公开，不断提升政务公`);
    const wrapped = (tail: string[]): string => normaliseText([...prose, ...tail, ''].join('\n'), 'text').text;
    // (each line before the break fills the width, as a wrapped line does)
    expect(wrapped(['开质效。本报告电子版可在本局门户网站政府信息公开专栏查阅，网址为（http://ww', 'w.example.gov.cn）。'])).toContain(
      '开质效。本报告电子版可在本局门户网站政府信息公开专栏查阅，网址为（http://www.example.gov.cn）。',
    );
    expect(wrapped(['开质效。如对本报告有任何疑问，请发送电子邮件与本局办公室联系，邮箱为 xxgk@exam', 'ple.gov.cn。'])).toContain(
      '开质效。如对本报告有任何疑问，请发送电子邮件与本局办公室联系，邮箱为 xxgk@example.gov.cn。',
    );
    expect(wrapped(['开质效。本报告使用的文字处理软件为本局去年统一采购并安装的 Microsoft Office', 'Word 软件。'])).toContain(
      '开质效。本报告使用的文字处理软件为本局去年统一采购并安装的 Microsoft Office Word 软件。',
    );
  });

  it('a text with one paragraph per line (copied out of Word) is left as it is, but for spaced digits', () => {
    fc.assert(
      fc.property(body, (sections) => {
        const raw = sections.map(([h, ps]) => [h, ...ps].join('\n')).join('\n') + '\n';
        expect(normaliseText(raw, 'text').text).toBe(raw);
      }),
      { numRuns: 100 },
    );
  });

  it('a one-line dump is split at headings and sentence ends, table rows kept together', () => {
    fc.assert(
      fc.property(body, fc.boolean(), (sections, spaced) => {
        const parts = sections.flatMap(([h, ps]) => [h, ...ps]);
        const raw = '标题: 某某局2024年政府信息公开工作年度报告\n' + parts.join(spaced ? ' ' : ' ') + ' 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001\n';
        if (raw.length < 1600) return;
        const norm = normaliseText(raw, 'text');
        expectMapped(raw, norm);
        const out = norm.text.split('\n');
        for (const [h] of sections) expect(out).toContain(h);
        for (const s of sentencesOf(sections)) expect(out.some((line) => line.includes(s))).toBe(true);
        expect(out.filter((line) => line.includes('本年新收政府信息公开申请数量') && line.includes('二、上年结转政府信息公开申请数量'))).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });

  it('spaces between a number and Chinese are removed inside sentences, not between table figures', () => {
    const raw = '统计期限为 2023 年 1 月 1 日至 12 月 31 日。\n行政复议 0 1 1 0 2\n行政许可 10690\n共受理 3119 件，占 10.3 %。\n';
    const n = normaliseText(raw, 'text');
    expect(n.text).toBe('统计期限为2023年1月1日至12月31日。\n行政复议 0 1 1 0 2\n行政许可 10690\n共受理3119件，占10.3%。\n');
    expectMapped(raw, n);
  });

  it('full-width digits and letters are folded, one character for one', () => {
    const raw = '２０２３年共公开信息１２３条，占４５．６％。ＡＢＣ\n';
    const n = normaliseText(raw, 'text');
    expect(n.text).toBe('2023年共公开信息123条，占45．6%。ABC\n');
    expectMapped(raw, n);
  });
});

describe('text normalisation: real reports', () => {
  const huaian = readFileSync(path.join(corpusDir, 'full/2024-huaian-1.txt'), 'utf8');

  it('PDF text: the period and contact broken over lines are read, and point at the lines of the file', () => {
    const { report } = modelDocument(readBuffer(Buffer.from(huaian), 'huaian.txt'));
    expect(report.periods.map((p) => [p.start?.year, p.start?.month, p.end?.month, p.end?.day])).toContainEqual([2024, 1, 12, 31]);
    const period = report.periods.find((p) => p.start?.year === 2024)!;
    expect(report.doc.position(period.range.start).line).toBe(8);
    const messages = lintText(huaian, 'huaian.txt').messages;
    expect(messages.filter((m) => m.ruleId === 'stats-period' || m.ruleId === 'contact-info')).toEqual([]);
  });

  it('PDF text: page-number lines are gone and a paragraph runs on across the page break', () => {
    const doc = readBuffer(Buffer.from(huaian), 'huaian.txt');
    expect(doc.text).not.toMatch(/^- \d+ -$/m);
    expect(doc.text).toContain('“建设‘四最’一流营商环境高质量推进产业发展”');
    expect(doc.original).toBe(huaian);
  });

  it('crawler dumps: the article on one line is split into its sections', () => {
    for (const f of ['2022-pingtan-1.txt', '2016-pingtan-1.txt']) {
      const raw = readFileSync(path.join(corpusDir, 'full', f), 'utf8');
      const doc = readBuffer(Buffer.from(raw), f);
      const lines = doc.text.split('\n');
      expect(lines.filter((l) => /^[一二三四五六]、/.test(l)).length).toBeGreaterThanOrEqual(6);
      expectMapped(raw, normaliseText(raw, 'text'));
    }
  });

  it('a fix found in the normalised text is applied to the text as read', () => {
    const raw = '根据《通知》（国办公开办函[2021]30号）和有关要求，本机关编制了本年度报告，现将有关情况报告如下，统计\n\n- 1 -\n\n期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。\n';
    const result = lintText(raw, 'r.txt', { only: ['doc-number'] });
    const m = result.messages.find((x) => x.ruleId === 'doc-number')!;
    expect(m.line).toBe(1);
    expect(result.source).toBe(raw);
    expect(applyFixes(result.source!, result.messages).output).toBe(raw.replace('[2021]30号', '〔2021〕30号'));
  });
});

describe('display width', () => {
  it('counts two for each Chinese character and full-width form, one for anything else, a character outside the BMP once', () => {
    const wide = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·]/;
    const reference = (s: string): number => [...s].reduce((w, ch) => w + (wide.test(ch) ? 2 : 1), 0);
    const piece = fc.constantFrom('公', '开', '，', '。', '　', '（', '２', 'Ａ', '“', '”', '—', '…', '·', 'a', '1', ' ', '|', '𠀀', '😀', '\ud800', '\udc00', '\u2fff', '\u3040', '\u33ff', '\ua000', '\uf8ff', '\ufb00', '\ufeff', '\ufff0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (xs) => {
        const s = xs.join('');
        expect(displayWidth(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
