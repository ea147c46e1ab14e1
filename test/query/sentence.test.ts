/** Evidence sentences: the extraction's bounds (wink-nlp sentences over the nlp stage's text, and line breaks). */
import fc from 'fast-check';
import { sentenceAround } from '../../src/query/sentence';

describe('sentenceAround', () => {
  const text = 'Title line\n\nNHA said it. Ravenline denied that! Did officials ask? "Yes." Then U.S. staff left.\nLast line';

  /** The sentence around the first `needle` of `within` (default: the text above). */
  const around = (needle: string, within = text) => {
    const start = within.indexOf(needle);
    return sentenceAround(within, start, start + needle.length);
  };

  it('stops at the terminators around the span', () => {
    expect(around('Ravenline')).toBe('Ravenline denied that!');
    expect(around('officials')).toBe('Did officials ask?');
    expect(around('said')).toBe('NHA said it.');
  });

  it('stops at line breaks', () => {
    expect(around('Title')).toBe('Title line');
    expect(around('Last')).toBe('Last line');
  });

  it('keeps a closing quote with its sentence', () => {
    expect(around('Yes')).toBe('"Yes."');
  });

  it('spans several sentences when the span does', () => {
    expect(around('it. Ravenline')).toBe('NHA said it. Ravenline denied that!');
  });

  it('does not split after an abbreviation', () => {
    expect(around('staff')).toBe('Then U.S. staff left.');
  });

  // an invented article: dates and times written with abbreviations, as news copy writes them
  const article =
    'Harbor Council Delays Ferry Vote\n\n' +
    'The Brackwater council met on Sept. 4 at the old town hall. ' +
    'Mayor Lina Ortiz said the vote would come at 3 p.m. on Friday, after the inspectors report. ' +
    'Dr. Amos Kell questioned whether the pier was safe.';
  const inArticle = (needle: string) => around(needle, article);

  it('keeps "Sept. 4" and "3 p.m." inside their sentences', () => {
    expect(inArticle('council met')).toBe('The Brackwater council met on Sept. 4 at the old town hall.');
    expect(inArticle('the vote would come')).toBe('Mayor Lina Ortiz said the vote would come at 3 p.m. on Friday, after the inspectors report.');
    expect(inArticle('on Friday')).toBe('Mayor Lina Ortiz said the vote would come at 3 p.m. on Friday, after the inspectors report.');
    expect(inArticle('questioned')).toBe('Dr. Amos Kell questioned whether the pier was safe.');
  });

  it('keeps the headline apart from the first sentence', () => {
    expect(inArticle('Delays')).toBe('Harbor Council Delays Ferry Vote');
  });

  it('reads a hard-wrapped sentence as one, as the nlp stage does', () => {
    const wrapped = 'Port Notice\n\nThe harbor master of Brackwater said on Tuesday that the\nnorth pier would reopen next month. Crews agreed.';
    expect(around('north pier', wrapped)).toBe('The harbor master of Brackwater said on Tuesday that the north pier would reopen next month.');
  });

  it('always holds the span itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '!', '\n', 'x') }), fc.nat(), fc.nat(), (s, i, j) => {
        const start = Math.min(i, j) % (s.length + 1);
        const end = Math.min(s.length, start + (Math.max(i, j) % 5));
        const quote = s.slice(start, end).replace(/\s+/g, ' ').trim();
        expect(sentenceAround(s, start, end)).toContain(quote);
      }),
    );
  });
});
