import { analyze } from '../../nlp/analyze';
import { featureReader } from './features';
import { segmentsToTag } from './segments';
import { sequenceOf } from './sequence';

const LEXICON = new Set(['say']);

function segmentTexts(text: string, reach: number): string[] {
  const a = analyze({ id: 'd', title: 't', text });
  const seq = sequenceOf(a);
  const { cue } = featureReader(seq, LEXICON);
  return segmentsToTag(seq, cue, reach).map(({ from, to }) => text.slice(seq[from]!.token.start, seq[to - 1]!.token.end));
}

describe('segmentsToTag', () => {
  const text = 'The pier opened in May. The mayor said it would stay open. Boats came. “We are ready.” Crowds left.';

  it('keeps the sentences with a lexicon cue or a quotation mark, and only those', () => {
    expect(segmentTexts(text, 0)).toEqual(['The mayor said it would stay open.', '“We are ready.”']);
  });

  it('adds the neighbouring sentences within reach, joining segments that meet', () => {
    expect(segmentTexts(text, 1)).toEqual([text]);
  });

  it('gives no segment to a text without cues or quotations', () => {
    expect(segmentTexts('Boats came. Crowds left.', 0)).toEqual([]);
  });
});
