// The one text fold that search, the table and import matching share.
import { describe, expect, it } from 'vitest';
import { foldText, matchKey } from '../../shared/text-fold';

describe('foldText', () => {
  it('takes case, diacritics on Latin letters and punctuation away', () => {
    expect(foldText('Côte d’Ivoire')).toBe('cote d ivoire');
    expect(foldText("COTE D'IVOIRE")).toBe('cote d ivoire');
    expect(foldText('Straße & Œuvre')).toBe('strasse oeuvre');
    expect(foldText('Délta-Łódź')).toBe('delta lodz');
    expect(foldText('  x.org/ ')).toBe('x org');
  });

  it('keeps names in other scripts, marks included', () => {
    expect(foldText('المنظمة العربية')).toBe('المنظمة العربية');
    expect(foldText('مُنَظَّمَة')).toBe('مُنَظَّمَة');
    expect(foldText('联合国毒品和犯罪问题办公室')).toBe('联合国毒品和犯罪问题办公室');
    expect(foldText('Интерпол')).toBe('интерпол');
    expect(foldText('हिन्दी संस्था')).toBe('हिन्दी संस्था');
    expect(foldText('Ελληνική Ένωση')).toBe('ελληνική ένωση');
    // NFKC: full-width Latin and compatibility forms meet their plain forms.
    expect(foldText('ＵＮＯＤＣ')).toBe('unodc');
  });

  it('keeps apostrophes when asked, whichever way they are written', () => {
    expect(foldText('Côte d’Ivoire', true)).toBe("cote d'ivoire");
  });
});

describe('matchKey', () => {
  it('is the fold import matching uses, apostrophes kept, in every script', () => {
    expect(matchKey('Côte d’Ivoire')).toBe("cote d'ivoire");
    expect(matchKey('The Netherlands')).toBe('the netherlands');
    expect(matchKey('المنظمة')).toBe('المنظمة');
    expect(matchKey('中国互联网络信息中心')).not.toBe(matchKey('中国网络空间安全协会'));
    // Nothing to match on: callers never match an empty key.
    expect(matchKey(' — ')).toBe('');
  });
});
