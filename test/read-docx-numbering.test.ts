import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { AlignmentType, Document, HeadingLevel, LevelFormat, LevelSuffix, Packer, Paragraph } from 'docx';
import { readBytes } from '../src/read/index.js';
import { formatNumber } from '../src/util/list-numbers.js';
import { lintDocument, lintText, modelDocument } from '../src/lint.js';
import type { LintResult } from '../src/diagnostic.js';
import { repoRoot, seedFiles } from './helpers/corpus.js';
import { runs } from './helpers/runs.js';

/**
 * Headings and items numbered by Word's automatic numbering (the `一、` only on screen) are read with
 * their numbers, as Word shows them: a report whose parts are numbered so is checked like the same
 * report typed out.
 */

const findings = (r: LintResult): string[] => r.messages.map((m) => `${m.ruleId}: ${m.message.replace(/第\d+行|第 \d+ 段/g, '第…处')}`).sort();

describe('formatNumber', () => {
  it('writes numbers as Word does in the formats reports use', () => {
    const cases: [string, number[], string[]][] = [
      ['chineseCounting', [1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 1000], ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一千']],
      ['chineseCountingThousand', [3, 12], ['三', '十二']],
      ['chineseLegalSimplified', [1, 10, 12], ['壹', '拾', '拾贰']],
      ['decimal', [1, 12], ['1', '12']],
      ['decimalZero', [3, 12], ['03', '12']],
      ['decimalEnclosedCircle', [1, 20, 21], ['①', '⑳', '21']],
      ['decimalEnclosedParen', [2], ['⑵']],
      ['decimalFullWidth', [12], ['１２']],
      ['upperRoman', [4, 9, 14], ['IV', 'IX', 'XIV']],
      ['lowerLetter', [1, 26, 27], ['a', 'z', 'aa']],
      ['ideographTraditional', [1, 3], ['甲', '丙']],
      ['none', [5], ['']],
      ['someFutureFormat', [5], ['5']],
    ];
    for (const [format, ns, expected] of cases) expect(ns.map((n) => formatNumber(n, format)), format).toEqual(expected);
  });
});

const PART = /^\s*([一二三四五六七八九十]+)、\s*(.*)$/;
const ITEM = /^\s*[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$/;

/** How a document numbers its parts (level 0) and their items (level 1). */
interface Scheme {
  part: { text: string; format: (typeof LevelFormat)[keyof typeof LevelFormat] };
  item: { text: string; format: (typeof LevelFormat)[keyof typeof LevelFormat] };
  suffix: (typeof LevelSuffix)[keyof typeof LevelSuffix];
  heading: boolean;
}

const scheme: fc.Arbitrary<Scheme> = fc.record({
  part: fc.constantFrom({ text: '%1、', format: LevelFormat.CHINESE_COUNTING }, { text: '%1、', format: LevelFormat.CHINESE_COUNTING_THOUSAND }),
  item: fc.constantFrom({ text: '（%2）', format: LevelFormat.CHINESE_COUNTING }, { text: '(%2)', format: LevelFormat.CHINESE_COUNTING }, { text: '（%2）', format: LevelFormat.CHINESE_COUNTING_THOUSAND }),
  suffix: fc.constantFrom(LevelSuffix.NOTHING, LevelSuffix.SPACE, LevelSuffix.TAB),
  heading: fc.boolean(),
});

/** The report typed into Word with its parts and items numbered automatically, as the scheme says. */
async function numbered(text: string, s: Scheme): Promise<Buffer> {
  const paras = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => {
      const part = PART.exec(l);
      if (part) return new Paragraph({ text: part[2]!, numbering: { reference: 'parts', level: 0 }, ...(s.heading ? { heading: HeadingLevel.HEADING_2 } : {}) });
      const item = ITEM.exec(l);
      if (item) return new Paragraph({ text: item[2]!, numbering: { reference: 'parts', level: 1 } });
      return new Paragraph(l.trim());
    });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'parts',
          levels: [
            { level: 0, format: s.part.format, text: s.part.text, alignment: AlignmentType.LEFT, suffix: s.suffix },
            { level: 1, format: s.item.format, text: s.item.text, alignment: AlignmentType.LEFT, suffix: s.suffix },
          ],
        },
      ],
    },
    sections: [{ children: paras }],
  });
  return Packer.toBuffer(doc);
}

/** Reports whose parts and items are numbered in order from 一 (as Word would number them). */
const REPORTS = [
  ...readdirSync(path.join(repoRoot, 'fixtures/samples')).filter((f) => f.endsWith('.txt')).map((f) => path.join(repoRoot, 'fixtures/samples', f)),
  ...readdirSync(path.join(repoRoot, 'fixtures/corpus/full')).filter((f) => f.endsWith('.txt')).map((f) => path.join(repoRoot, 'fixtures/corpus/full', f)),
  ...seedFiles().map((f) => path.join(repoRoot, 'fixtures/corpus/seeds', f)),
]
  .map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }))
  .filter(({ text }) => {
    // Word numbers in order: a report whose own numbers skip or repeat would be renumbered
    const lines = text.split(/\r?\n/);
    let part = 0;
    let item = 0;
    const n = (s: string): number => '一二三四五六七八九十'.indexOf(s) + 1;
    for (const l of lines) {
      const p = PART.exec(l);
      const i = ITEM.exec(l);
      if (p) {
        if (n(p[1]!) !== part + 1) return false;
        part++;
        item = 0;
      } else if (i) {
        if (n(i[1]!) !== item + 1) return false;
        item++;
      }
    }
    return part >= 3;
  });

describe('a report whose parts and items Word numbers automatically', () => {
  it('has reports to try', () => {
    expect(REPORTS.length).toBeGreaterThanOrEqual(5);
  });

  it('gives the findings of its text, whatever the numbering scheme', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REPORTS), scheme, async (report, s) => {
        const r = lintDocument(await readBytes(await numbered(report.text, s), 'r.docx'));
        // the same report typed out, in the scheme's numbers
        const typed = report.text
          .split(/\r?\n/)
          .map((l) => {
            const part = PART.exec(l);
            if (part) return `${part[1]}、${s.suffix === LevelSuffix.NOTHING ? '' : ' '}${part[2]}`;
            return l;
          })
          .join('\n');
        expect(findings(r)).toEqual(findings(lintText(typed, 'r.txt')));
      }),
      { numRuns: runs(12, 60) },
    );
  }, 120_000);
});

describe('numbering as Word counts it', () => {
  const paragraphs = async (buf: Buffer): Promise<string[]> => modelDocument(await readBytes(buf, 'r.docx')).report.blocks.map((b) => b.text.text);

  it('items start again under each part; a second instance of a list with a start override starts again; bullets stay bullets', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'parts',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
              { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, suffix: LevelSuffix.SPACE },
            ],
          },
          { reference: 'dots', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '总体情况', numbering: { reference: 'parts', level: 0 } }),
            new Paragraph({ text: '甲', numbering: { reference: 'parts', level: 1 } }),
            new Paragraph({ text: '乙', numbering: { reference: 'parts', level: 1 } }),
            new Paragraph({ text: '主动公开政府信息情况', numbering: { reference: 'parts', level: 0 } }),
            new Paragraph({ text: '丙', numbering: { reference: 'parts', level: 1 } }),
            new Paragraph({ text: '要点', numbering: { reference: 'dots', level: 0 } }),
            new Paragraph({ text: '另一份清单', numbering: { reference: 'parts', level: 0, instance: 2 } }),
          ],
        },
      ],
    });
    // a level's label shows the levels above in their own formats (一.1), as Word does without legal numbering
    expect(await paragraphs(await Packer.toBuffer(doc))).toEqual(['一、总体情况', '一.1 甲', '一.2 乙', '二、主动公开政府信息情况', '二.1 丙', '要点', '一、另一份清单']);
  });

  it('numbering a heading style carries (through the style it is based on) numbers its paragraphs', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'parts', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING }] }] },
      sections: [{ children: [new Paragraph({ text: '总体情况', heading: HeadingLevel.HEADING_1, numbering: { reference: 'parts', level: 0 } }), new Paragraph('正文'), new Paragraph({ text: '主动公开政府信息情况', heading: HeadingLevel.HEADING_1, numbering: { reference: 'parts', level: 0 } })] }],
    });
    // move the numbering from the paragraphs to a style of their own, based on Heading 1
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const numPr = /<w:numPr>.*?<\/w:numPr>/.exec(xml)![0];
    zip.file('word/document.xml', xml.replaceAll(numPr, '').replaceAll('<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="PartHeading"/>'));
    const styles = await zip.file('word/styles.xml')!.async('string');
    zip.file('word/styles.xml', styles.replace('</w:styles>', `<w:style w:type="paragraph" w:styleId="NumberedBase"><w:name w:val="Numbered Base"/><w:basedOn w:val="Heading1"/><w:pPr>${numPr}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="PartHeading"><w:name w:val="Part Heading"/><w:basedOn w:val="NumberedBase"/></w:style></w:styles>`));
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await paragraphs(buf)).toEqual(['一、总体情况', '正文', '二、主动公开政府信息情况']);
  });
});
