/**
 * claimgraph claims: property tests. Any text (random Unicode, or random sentences built from reporting cues,
 * quotation marks and names) goes through the nlp and claim stages without throwing, and every span the claim
 * stage returns lies inside the text, with each claim's text equal to its span.
 */
import fc from 'fast-check';
import { analyze } from '../nlp/analyze';
import type { EntityRecord, Span } from '../types';
import { extractClaims } from './index';

function checkSpans(text: string, entities: EntityRecord[] = []): void {
  const analyzed = analyze({ id: 'p', title: '', text });
  const out = extractClaims(analyzed, entities);
  const inBounds = (s: Span) => s.start >= 0 && s.end <= text.length && s.start <= s.end;
  const ids = new Set(out.entities.map((e) => e.id));
  expect(ids.size).toBe(out.entities.length);
  for (const c of out.claims) {
    expect(inBounds(c.span) && inBounds(c.sentence)).toBe(true);
    expect(c.text).toBe(text.slice(c.span.start, c.span.end));
    expect(c.text.length).toBeGreaterThan(0);
    expect(c.speakers.length).toBeGreaterThan(0);
    for (const s of c.speakers) {
      expect(inBounds(s.cue) && s.cue.end > s.cue.start).toBe(true);
      expect(ids.has(s.entityId)).toBe(true);
    }
    for (const r of c.reporters) expect(inBounds(r.cue) && ids.has(r.entityId)).toBe(true);
    for (const a of c.about) expect(ids.has(a)).toBe(true);
  }
  for (const e of out.entities) for (const m of e.mentions) {
    expect(inBounds(m)).toBe(true);
    expect(m.text).toBe(text.slice(m.start, m.end));
  }
}

const WORDS = ['said', 'says', 'told', 'according to', 'denied', 'confirmed', 'questioned whether', 'that', 'he', 'she', 'it', 'they', 'officials', 'a source', 'The Agency', 'Jane Roe', 'Statement on', 'The following is a statement from', 'reported', 'the plan', 'was', 'not', 'is false', ',', '.', ':', '“', '”', '"', "''", '―', '(', ')', '\n', '\n\n', 'adding', 'went on to say', "'s assessment is that"];

describe('claim stage properties', () => {
  it('never throws on random Unicode and keeps every span in bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => checkSpans(text)),
      { numRuns: 150 },
    );
  });

  it('never throws on random sentences of cues, names and quotation marks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (words) => checkSpans(words.join(' '))),
      { numRuns: 300 },
    );
  });

  it('keeps spans in bounds with entities given for random names in the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const entities: EntityRecord[] = [];
        for (const name of ['Jane Roe', 'The Agency', 'officials']) {
          const at = text.indexOf(name);
          if (at >= 0) entities.push({ id: `g-${name}`, kind: name === 'Jane Roe' ? 'person' : 'agency', label: name, aliases: [], mentions: [{ start: at, end: at + name.length, text: name }] });
        }
        checkSpans(text, entities);
      }),
      { numRuns: 200 },
    );
  });
});
