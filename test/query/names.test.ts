/** Name normalization, edit distance and "did you mean" ranking. */
import { normalizeName } from '../../src/query/normalize';
import { boundedEditDistance, closestNames } from '../../src/query/suggest';

describe('normalizeName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizeName('  Rávenline ')).toBe(normalizeName('RAVENLINE'));
    expect(normalizeName('U.S.  Space-Force')).toBe('u s space force');
    expect(normalizeName('Ærø')).not.toBe('');
  });
});

describe('boundedEditDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(boundedEditDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedEditDistance('abc', 'abc', 1)).toBe(0);
  });
  it('gives up past the bound', () => {
    expect(boundedEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('closestNames', () => {
  const names = ['tomas verrick', 'ravenline', 'nha', 'nha spokesperson', 'kestrel harbour tender'];
  it('finds misspellings by edit distance', () => {
    expect(closestNames('ravenlin', names)[0]).toBe('ravenline');
  });
  it('finds names sharing a word or a word prefix', () => {
    expect(closestNames('verrick', names)).toEqual(['tomas verrick']);
    expect(closestNames('harbour ten', names)).toContain('kestrel harbour tender');
  });
  it('ranks the closer of two word-overlap matches first', () => {
    expect(closestNames('nha spokesman', names).slice(0, 2)).toEqual(['nha spokesperson', 'nha']);
  });
  it('suggests nothing for an unrelated name', () => {
    expect(closestNames('zzzzzz', names)).toEqual([]);
  });
});

describe('normalizeName on ASCII and non-ASCII text', () => {
  it('gives the same result on both paths', () => {
    expect(normalizeName('Tomas  Verrick, Jr.')).toBe('tomas verrick jr');
    expect(normalizeName('Tomas  Verrick, Jr.\u00a0')).toBe('tomas verrick jr');
    expect(normalizeName('Ångström—Institut')).toBe('angstrom institut');
  });
});
