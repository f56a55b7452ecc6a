import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { crawlerHeader } from '../src/model/page-chrome.js';
import { toHalfWidth } from '../src/model/numerals.js';
import { vocabulary } from '../src/config/vocabulary.js';
import { runs } from './helpers/runs.js';

/** The crawler's header labels, and the header as the vocabulary defines it: tested on the whole half-width line. */
const labels = vocabulary<{ crawlerHeader: string[] }>('page-chrome').crawlerHeader;
const header = new RegExp(`^\\s*(${labels.join('|')})\\s*[:：]\\s*`, 'i');
function reference(line: string): { label: string; length: number } | undefined {
  const m = header.exec(toHalfWidth(line));
  return m ? { label: m[1]!, length: m[0].length } : undefined;
}

/** A label as a page may write it: full-width Latin letters, either case, a character dropped or replaced. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const label = fc.tuple(fc.constantFrom(...labels), fc.nat(5), fc.constantFrom('', '来', '文', 'x', 'Ｕ')).map(([l, how, other]) => {
  if (how === 0) return l.toLowerCase();
  if (how === 1) return fullWidth(l);
  if (how === 2) return fullWidth(l.toLowerCase());
  if (how === 3) return other + l.slice(1);
  return l;
});
const space = fc.constantFrom('', ' ', '  ', '\t', '\u3000', '\u00a0', '\ufeff');
const rest = fc.constantFrom('', ':', '：', ' : ', '：https://www.example.gov.cn/t.htm', ' 2024-01-20', '某某局2024年政府信息公开工作年度报告', '＃');
const before = fc.constantFrom('', '', '', '【', '#', '本文', '𠀀', 'Ｕ');

describe("a crawler's header line", () => {
  it('is found as the whole half-width line read by the header expression finds it', () => {
    fc.assert(
      fc.property(before, space, label, space, rest, (b, s1, l, s2, r) => {
        const line = `${s1}${b}${l}${s2}${r}`;
        expect(crawlerHeader(line)).toEqual(reference(line));
      }),
      { numRuns: runs(2000, 50000) },
    );
  });

  it('gives the label and the length of the label with its colon and spaces', () => {
    expect(crawlerHeader('标题: 某某局2024年政府信息公开工作年度报告')).toEqual({ label: '标题', length: 4 });
    expect(crawlerHeader('\u3000ＵＲＬ ： https://www.example.gov.cn/')).toEqual({ label: 'URL', length: 7 });
    expect(crawlerHeader('url:https://www.example.gov.cn/')).toEqual({ label: 'url', length: 4 });
    expect(crawlerHeader('本文标题: 某某局')).toBeUndefined();
    expect(crawlerHeader('')).toBeUndefined();
    expect(crawlerHeader('   ')).toBeUndefined();
  });
});
