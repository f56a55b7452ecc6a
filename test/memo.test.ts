import { describe, expect, it } from 'vitest';
import { memoised } from '../src/util/memo.js';
import { normaliseLabel } from '../src/model/tables/labels.js';

/** A memoised function that counts how often it computes. */
function counted(limit?: number): { f: (key: string) => string; calls: () => number } {
  let n = 0;
  const f = memoised((key: string) => {
    n++;
    return `${key.length}:${key.slice(0, 4)}`;
  }, limit);
  return { f, calls: () => n };
}

describe('memoised', () => {
  it('computes a word once, however often it is asked about', () => {
    const { f, calls } = counted();
    for (let i = 0; i < 5; i++) expect(f('本年新收政府信息公开申请数量')).toBe('14:本年新收');
    expect(calls()).toBe(1);
  });

  it('keeps texts of up to 100 characters, and computes a longer one each time without keeping it', () => {
    const { f, calls } = counted();
    const hundred = '公'.repeat(100);
    f(hundred);
    f(hundred);
    expect(calls()).toBe(1);
    // a paragraph read as a cell: the same answer, computed again
    const paragraph = '本机关坚持以习近平新时代中国特色社会主义思想为指导，'.repeat(5);
    expect(paragraph.length).toBeGreaterThan(100);
    expect(f(paragraph)).toBe(f(paragraph));
    expect(calls()).toBe(3);
  });

  it('starts over past its limit', () => {
    const { f, calls } = counted(3);
    for (const k of ['一', '二', '三']) f(k);
    expect(calls()).toBe(3);
    f('一');
    expect(calls()).toBe(3);
    // the fourth word fills it past the limit: the memory starts over with it
    f('四');
    f('一');
    expect(calls()).toBe(5);
  });

  it("gives the table labels' normal form: one object for a short label, a fresh one for a paragraph", () => {
    const label = '（三）不予公开';
    expect(normaliseLabel(label)).toBe(normaliseLabel(label));
    const paragraph = '本年度本机关政府信息公开工作在上级部门的指导下，围绕中心、服务大局，'.repeat(4);
    const a = normaliseLabel(paragraph);
    const b = normaliseLabel(paragraph);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });
});
