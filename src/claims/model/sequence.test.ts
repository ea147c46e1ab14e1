import { analyze } from '../../nlp/analyze';
import { sequenceOf } from './sequence';

/** Each word of the sequence with its quotation state: 0 outside, 1 inside, 2 a mark. */
function states(text: string): string {
  return sequenceOf(analyze({ id: 'q', title: '', text })).map((s) => `${s.token.text}/${s.quote}`).join(' ');
}

describe('the tagged sequence', () => {
  it('reads curly and straight quotation marks', () => {
    expect(states('“It holds,” she said.')).toBe('“/2 It/1 holds/1 ,/1 ”/2 she/0 said/0 ./0');
    expect(states('"It holds," she said.')).toBe('"/2 It/1 holds/1 ,/1 "/2 she/0 said/0 ./0');
  });

  it("reads two touching apostrophes as one quotation mark, as some wires write them, and a possessive's apostrophe as none", () => {
    expect(states("''It costs a lot,'' said Mr. Vale. The students' bus left.")).toBe(
      "'/2 '/2 It/1 costs/1 a/1 lot/1 ,/1 '/2 '/2 said/0 Mr./0 Vale/0 ./0 The/0 students/0 '/0 bus/0 left/0 ./0",
    );
  });

  it('closes a quotation left open at a line break', () => {
    expect(states('“It holds\n\nThe end.')).toBe('“/2 It/1 holds/1 The/0 end/0 ./0');
  });
});
