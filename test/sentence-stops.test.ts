import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { withSentenceStops } from '../src/util/sentence-stops.js';
import { corpusDir, corpusTexts } from './helpers/corpus.js';
import { paragraphPage } from './helpers/web-page.js';

/**
 * Full stops typed as Latin ones (其它1件.所有申请均在规定时限内答复: the input method left in its
 * Latin punctuation). The sentence did not end there: a figure of the sentence before was read as
 * the total of the list after it (a false `prose-sum` error, "6+2+2+10+3+2=25，而总数为1件"), a
 * heading with its text on its line (（一）主动公开政府信息情况.2018年，…) named no part (a false
 * `required-sections` error), and the year a report names was read from another sentence.
 */

describe('which full stops are read as 。', () => {
  it('one after a Chinese word, before the next sentence or the end of the line', () => {
    expect(withSentenceStops('其它1件.所有申请均在规定时限内答复')).toBe('其它1件。所有申请均在规定时限内答复');
    expect(withSentenceStops('（一）主动公开政府信息情况.2018年，我局')).toBe('（一）主动公开政府信息情况。2018年，我局');
    expect(withSentenceStops('无收费情况.\n二、')).toBe('无收费情况。\n二、');
    expect(withSentenceStops('予以公开.“三安全一稳定”')).toBe('予以公开。“三安全一稳定”');
  });

  it('not numbering, a decimal point, a file name or a web address', () => {
    for (const s of ['一.总体情况', '十.其他需要报告的事项', '1.属于国家秘密', '增长12.5%', '年报.pdf', '门户网站www.gov.cn', '第1.2条', '邮箱xxgk@163.com']) {
      expect(withSentenceStops(s), s).toBe(s);
    }
  });

  it('keeps the length: one character for one', () => {
    const s = '其它1件.所有申请.二、主动公开.';
    expect(withSentenceStops(s)).toHaveLength(s.length);
  });
});

const FILES = corpusTexts();

const errors = (text: string, file: string): string[] =>
  lintText(text, file)
    .messages.filter((m) => m.severity === 2)
    .map((m) => `${m.ruleId} ${m.message}`)
    .sort();

const page = (t: string): string => paragraphPage(t);

/** The text with every 。 of its prose typed as `.` (table rows left as they are). */
const latinStops = (t: string): string =>
  t
    .split('\n')
    .map((l) => (/[|｜]/.test(l) ? l : l.replace(/。/g, '.')))
    .join('\n');

describe('real reports with their full stops typed as Latin ones', () => {
  it('the corpus is there', () => {
    expect(FILES.length).toBeGreaterThan(70);
  });

  for (const file of FILES) {
    it(file, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const changed = latinStops(text);
      // (a message may quote the text as written: with its `.`)
      const quoted = (es: string[]): string[] => es.map((e) => e.replace(/\./g, '。'));
      expect(quoted(errors(changed, file)), file).toEqual(quoted(errors(text, file)));
      if (file.endsWith('.md')) return;
      expect(quoted(errors(page(changed), 'report.html')), `${file} in a web page`).toEqual(quoted(errors(page(text), 'report.html')));
    });
  }
});
