import { describe, expect, it } from 'vitest';
import { withSentenceStops } from '../src/util/sentence-stops.js';

/**
 * Full stops typed as Latin ones (其它1件.所有申请均在规定时限内答复: the input method left in its
 * Latin punctuation): which are read as 。. The sentence did not end there: a figure of the sentence
 * before was read as the total of the list after it (a false `prose-sum` error,
 * "6+2+2+10+3+2=25，而总数为1件"), a heading with its text on its line (（一）主动公开政府信息情况.2018年，…)
 * named no part (a false `required-sections` error), and the year a report names was read from
 * another sentence. Every real report so written, as its own file and as a web page, is checked in
 * corpus-changes.test.ts.
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
