// The one text fold, for search, the table's filter and name matching on import. Names come in
// every script: the fold is Unicode-aware (NFKC, case folded, diacritics taken off Latin letters
// only, since in Arabic, Devanagari or Hebrew the marks are part of the word), and punctuation
// runs become one space, so "Côte d’Ivoire", "COTE D'IVOIRE" and "cote d ivoire" meet.

/** Latin letters that NFD does not take apart. */
const LATIN_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th' };
const LATIN_SPECIAL = /[ßæœøđðłıþ]/g;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const APOSTROPHES = /[’‘`ʼ]/g;

const NON_ASCII = /[^\x00-\x7f]/;
const NOT_ALNUM_ASCII = /[^a-z0-9]+/g;
const NOT_ALNUM_ASCII_APOSTROPHE = /[^a-z0-9']+/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{M}\p{N}]+/gu;
const NOT_LETTER_DIGIT_APOSTROPHE = /[^\p{L}\p{M}\p{N}']+/gu;

/**
 * Lower case, no diacritics on Latin letters, runs of anything but letters, marks and digits as
 * one space. With `keepApostrophes`, every apostrophe becomes ' and is kept ("d'ivoire").
 */
export function foldText(s: string, keepApostrophes = false): string {
  // Most names are plain ASCII: skip the Unicode work for them (a third of the search index build).
  if (!NON_ASCII.test(s))
    return s
      .toLowerCase()
      .replace(keepApostrophes ? NOT_ALNUM_ASCII_APOSTROPHE : NOT_ALNUM_ASCII, ' ')
      .trim();
  const latin = s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(LATIN_SPECIAL, (ch) => LATIN_LETTERS[ch]!);
  return (keepApostrophes ? latin.replace(APOSTROPHES, "'") : latin)
    .replace(keepApostrophes ? NOT_LETTER_DIGIT_APOSTROPHE : NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/**
 * The key names and countries are matched on when importing: the fold with apostrophes kept, so a
 * name in any script keeps its letters ("المنظمة" is not "联合国"). A name with no letter or digit
 * at all folds to the empty string, which callers never match on.
 */
export function matchKey(s: string): string {
  return foldText(s, true);
}
