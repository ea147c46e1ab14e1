/**
 * Test helper: a hand-made extraction of an invented article (entities, a pronoun mention, claims with cues,
 * a relation), with offsets found in the text, so graph assembly and layout can be tested whatever the
 * extraction stages find today.
 */
import type { DocumentExtraction, EntityRecord, Span } from '../../src/types';

/** The span of the `nth` (0-based) occurrence of `part` in `text`. */
export function spanOf(text: string, part: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(part, at + 1);
    if (at < 0) throw new Error(`"${part}" (occurrence ${nth}) is not in the text`);
  }
  return { start: at, end: at + part.length };
}

export function syntheticExtraction(id = 'harbor-board'): DocumentExtraction {
  const text =
    'Harbor Board Approves Pier\n\nThe Harbor Board said on Monday that the new pier was approved. ' +
    'It denied that costs had doubled. Mayor Lina Ostrova met the Harbor Board in Elmsby, according to the council.';
  const mention = (part: string, nth = 0) => ({ ...spanOf(text, part, nth), text: part });
  const entities: EntityRecord[] = [
    { id: 'board', kind: 'organization', label: 'Harbor Board', aliases: [], mentions: [mention('Harbor Board'), mention('Harbor Board', 1), mention('It'), mention('Harbor Board', 2)] },
    { id: 'mayor', kind: 'person', label: 'Lina Ostrova', aliases: ['Mayor Lina Ostrova'], mentions: [mention('Mayor Lina Ostrova')] },
    { id: 'town', kind: 'place', label: 'Elmsby', aliases: [], mentions: [mention('Elmsby')] },
    { id: 'council', kind: 'organization', label: 'the council', aliases: [], mentions: [mention('the council')], local: true },
  ];
  const sentence = (part: string) => spanOf(text, part);
  return {
    doc: { id, title: 'Harbor Board Approves Pier', text },
    entities,
    claims: [
      {
        text: 'the new pier was approved',
        span: spanOf(text, 'the new pier was approved'),
        sentence: sentence('The Harbor Board said on Monday that the new pier was approved.'),
        speakers: [{ entityId: 'board', stance: 'stated', cue: spanOf(text, 'said'), confidence: 0.9, quoted: 'paraphrase', belief: false }],
        reporters: [],
        about: ['town'],
      },
      {
        text: 'costs had doubled',
        span: spanOf(text, 'costs had doubled'),
        sentence: sentence('It denied that costs had doubled.'),
        speakers: [{ entityId: 'board', stance: 'denied', cue: spanOf(text, 'denied'), confidence: 0.8, quoted: 'paraphrase', belief: false }],
        reporters: [],
        about: [],
      },
      {
        text: 'Mayor Lina Ostrova met the Harbor Board in Elmsby',
        span: spanOf(text, 'Mayor Lina Ostrova met the Harbor Board in Elmsby'),
        sentence: sentence('Mayor Lina Ostrova met the Harbor Board in Elmsby, according to the council.'),
        speakers: [{ entityId: 'council', stance: 'stated', cue: spanOf(text, 'according to'), confidence: 0.7, quoted: 'paraphrase', belief: false }],
        reporters: [],
        about: ['mayor', 'board'],
      },
    ],
    relations: [
      { kind: 'meets', source: 'mayor', target: 'board', evidence: spanOf(text, 'Mayor Lina Ostrova met the Harbor Board') },
      { kind: 'located_in', source: 'board', target: 'town', evidence: spanOf(text, 'Harbor Board in Elmsby') },
    ],
  };
}
