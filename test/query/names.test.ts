/** Name normalization, edit distance and "did you mean" ranking. */
import { normalizeName } from '../../src/query/normalize';
import { boundedEditDistance, closestNames } from '../../src/query/suggest';

describe('normalizeName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizeName('  Róscosmos ')).toBe(normalizeName('ROSCOSMOS'));
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
  const names = ['dmitry rogozin', 'roscosmos', 'nasa', 'nasa spokesperson', 'international space station'];
  it('finds misspellings by edit distance', () => {
    expect(closestNames('roscosmo', names)[0]).toBe('roscosmos');
  });
  it('finds names sharing a word or a word prefix', () => {
    expect(closestNames('rogozin', names)).toEqual(['dmitry rogozin']);
    expect(closestNames('space stat', names)).toContain('international space station');
  });
  it('ranks the closer of two word-overlap matches first', () => {
    expect(closestNames('nasa spokesman', names).slice(0, 2)).toEqual(['nasa spokesperson', 'nasa']);
  });
  it('suggests nothing for an unrelated name', () => {
    expect(closestNames('zzzzzz', names)).toEqual([]);
  });
});

describe('normalizeName on ASCII and non-ASCII text', () => {
  it('gives the same result on both paths', () => {
    expect(normalizeName('Dmitry  Rogozin, Jr.')).toBe('dmitry rogozin jr');
    expect(normalizeName('Dmitry  Rogozin, Jr.\u00a0')).toBe('dmitry rogozin jr');
    expect(normalizeName('Ångström—Institut')).toBe('angstrom institut');
  });
});
