/** Evidence sentences: simple bounds at . ! ? followed by space, and at line breaks. */
import fc from 'fast-check';
import { sentenceAround } from '../../src/query/sentence';

describe('sentenceAround', () => {
  const text = 'Title line\n\nNASA said it. Roscosmos denied that! Did officials ask? "Yes." Then U.S. staff left.\nLast line';

  const around = (needle: string) => {
    const start = text.indexOf(needle);
    return sentenceAround(text, start, start + needle.length);
  };

  it('stops at the terminators around the span', () => {
    expect(around('Roscosmos')).toBe('Roscosmos denied that!');
    expect(around('officials')).toBe('Did officials ask?');
    expect(around('said')).toBe('NASA said it.');
  });

  it('stops at line breaks', () => {
    expect(around('Title')).toBe('Title line');
    expect(around('Last')).toBe('Last line');
  });

  it('keeps a closing quote with its sentence', () => {
    expect(around('Yes')).toBe('"Yes."');
  });

  it('spans several sentences when the span does', () => {
    expect(around('it. Roscosmos')).toBe('NASA said it. Roscosmos denied that!');
  });

  it('splits after an abbreviation, as simple bounds do', () => {
    expect(around('staff')).toBe('staff left.');
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
