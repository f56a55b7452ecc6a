import type { SourceRange } from '../../util/mapped-text.js';

/**
 * What a unit counts. Units that count the same kind of thing are interchangeable inside one
 * breakdown (a total in 项 with parts in 条 and 篇 is common); others are not.
 */
export type UnitClass =
  | 'item' // 件 条 篇 项 份 则 宗 个
  | 'person' // 人 名 位
  | 'visit' // 人次
  | 'times' // 次
  | 'event' // 场
  | 'issue' // 期
  | 'money' // 元 万元 亿元 (values in 元)
  | 'percent' // % ％ 百分之…
  | 'points' // 个百分点
  | 'other' // 家 户 起 批 块 …
  | 'none'; // a bare number standing as an item of a list (意见征集3、…)

/** How a figure is hedged. */
export type Approximation =
  | 'more' // 2400余条, 100多件: a little more than the number
  | 'over' // 超过100件, 100件以上: at least the number, no upper bound
  | 'about' // 约100件, 100件左右
  | 'nearly'; // 近100件

export interface Figure {
  /** index in Report.figures */
  index: number;
  /** the value in the unit's base (元 for money; 17.9亿次 → 1790000000) */
  value: number;
  /** digits after the decimal point as printed (for percentages) */
  decimals: number;
  /** the unit as written, normalised to half width (undefined for a bare number) */
  unit?: string;
  unitClass: UnitClass;
  /** the number as written (“２４００”, “一百二十三”) */
  numberText: string;
  numeral: 'arabic' | 'chinese';
  /** set when the figure is hedged; an approximate figure is never compared exactly */
  approx?: Approximation;
  /** the words before the number in its clause (“其中当面申请”) */
  subject: string;
  /** the subject without leading connectives, time words and trailing verbs of quantity (“当面申请”) */
  core: string;
  /** the words right after the unit in the clause (“19场新闻发布活动” → “新闻发布活动”) */
  object: string;
  /** number, approximation marks and unit */
  range: SourceRange;
  /** the number alone */
  numberRange: SourceRange;
  /** where the figure stands */
  block: number;
  /** offsets of number+unit in the block's text */
  start: number;
  end: number;
  /** sentence (。！？) and clause (，；：) of the block it stands in, counted from 0 */
  sentence: number;
  clause: number;
  /** depth of parentheses around the figure */
  parenDepth: number;
}

/** Why a breakdown's list stops where it does. */
export type ListEnd =
  | 'sentence' // at 。 or the end of a line that ends a sentence
  | 'clause' // at a clause with no figure (…，均已按时答复。)
  | 'unit' // at a figure that counts something else
  | 'paren' // at the closing parenthesis of a parenthesised list
  | 'text-end'; // the text stops (the report may be cut)

/**
 * A total followed by the parts it is made of: “共受理申请564件，其中当面申请109件；传真申请87件…”,
 * “114条（机关要闻22条、业务动态信息25条…）”, “在主动公开的信息中，X类14条…”.
 */
export interface Breakdown {
  /** the total */
  total: Figure;
  /** the listed parts, in order (nested lists hang on their own breakdown) */
  parts: Figure[];
  /** the words that introduce the list (其中, 包括, 分别为, （, 在…中) */
  marker: string;
  markerRange: SourceRange;
  /** from the first part to the last */
  range: SourceRange;
  /** how the list ends */
  end: ListEnd;
  /**
   * the list does not claim to be complete: 等, 其他/其余 without a figure, 另有, a list cut
   * by a figure of another kind or by the end of the text
   */
  open: boolean;
  /** the open mark, when the text has one */
  openMark?: string;
  /**
   * the parts can count one item more than once: publication channels (通过网站… 通过微信…),
   * unless the text says that one item published on several channels is counted once
   */
  overlapping: boolean;
  /** the breakdown of a part this one is nested in */
  parent?: number;
  /** the total came after its parts (其中A 3件，B 5件。共8件) */
  totalAfter: boolean;
}

/** A percentage stated as a share of something: “同意公开498件，占总数的88.3%”. */
export interface Share {
  percent: Figure;
  /** the figure the percentage is of, when the text makes it unambiguous */
  part?: Figure;
  /** the whole it is a share of */
  whole?: Figure;
  /** the words that say what it is a share of (占总数的, 占比) */
  phrase: string;
  /**
   * how the part was found: `list` — a part of a breakdown the share follows; `adjacent` — the
   * count just before it in its sentence; `line` — the only count in a line with only one share
   */
  pairing?: 'list' | 'adjacent' | 'line';
  /**
   * when the words do not name the whole (其中予以公开59件，占10.3%): the counts it may be of —
   * the total of the list the part is in, and the counts of the part's kind stated before it in
   * its sentence and the two sentences with figures before
   */
  candidates?: Figure[];
}

/** A count whose number is missing: “工作动态类信息条”, “公开规范性文件件”. */
export interface FigureGap {
  /** the words before the gap (工作动态类信息) */
  words: string;
  /** the unit left without its number */
  unit: string;
  /** from the end of the words to the end of the unit: where the number belongs, and the unit */
  range: SourceRange;
  block: number;
}

/** All figures stated in the prose of a report. */
export interface ProseFigures {
  figures: Figure[];
  breakdowns: Breakdown[];
  shares: Share[];
  /** counts written without their number */
  gaps: FigureGap[];
}
