/**
 * The 300 Chinese characters met most often in the annual reports (counted over a sample of real
 * reports; they make up about 87 % of a report's Chinese characters). Text decoded in the wrong
 * encoding (UTF-8 bytes read as GB18030) is Chinese characters too, but hardly any of these: about
 * 1 % against 60–90 % in a report's own text.
 */
const COMMON =
  '公政开信息府作的工年和务情况度行条报主人一市办关理动要进发请中实民全制申规网告局及件等本数项时在布事重机有区管建共新国计通体化会部站为设例据不以保对了法求门点二依定文强我方范策导领其平目各内众三面提加复问推大总日结收室性组类上责审社式下展确统容议服力是查分量处与解题效华任生号落诉电到于专合权成第业知期单应月省栏程持用县他位明监读按台高完过相指督改形决编步态立好做施道地费案源根户系安真善照讼四群委员镇准格联现经果能存同厅子认标构深切自环织坚划职健取传更障级出密次宣需贯彻乡升十并流微资个域向限常所入负置城回州由起断科核录正列心基批围答水如财续增利运长意五可严将未至询措线简话境渠极调整预精积执涉集原';

const SET = new Set(COMMON);

/** Share of the CJK ideographs among the first `limit` characters that are common in reports (0 when there are none). */
export function commonShare(text: string, limit = 65536): number {
  let ideographs = 0;
  let common = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    ideographs++;
    if (SET.has(text[i]!)) common++;
  }
  return ideographs === 0 ? 0 : common / ideographs;
}

/**
 * Whether text `a` reads as a report's words far better than `b`, the same bytes decoded otherwise:
 * its ideographs are the common ones of reports, and `b`'s are not (mojibake).
 */
export function readsBetter(a: string, b: string): boolean {
  const sa = commonShare(a);
  return sa >= 0.3 && sa > 3 * commonShare(b);
}
