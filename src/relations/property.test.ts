/**
 * claimgraph entities and relations: a property test: random text (any Unicode, and word salads of names,
 * titles and cue words) never throws, and every mention and evidence lies in bounds with its exact text.
 */
import fc from 'fast-check';
import { analyze } from '../nlp/analyze';
import { extractEntities } from '../entities';
import { extractRelations } from './index';

const WORDS = ['ESA', 'the', 'agency', 'said', 'Administrator', 'Jim', 'Smith', 'of', 'Ravenline', '(', 'KSS', ')', 'International', 'Space', 'Station', 'leak', 'investigating', 'met', 'launched', 'from', 'Portugal', 'module', 'spokesperson', 'That', 'he', 'it', '.', ',', '“', '”', '\n', '\n\n', 'French', 'media', 'B-52', 'Apollo', 'Department', 'Justice', 'and', 'Inc.', 'based', 'in', 'Oct.', '11', 'U.S.', '-', 'led', 'Commission', 'crew', 'Voyage', '12', 'é', '😀', 'Ǆ'];

function check(text: string): void {
  const analyzed = analyze({ id: 'p', title: '', text });
  const entities = extractEntities(analyzed);
  const ids = new Set(entities.map((e) => e.id));
  for (const e of entities) {
    expect(e.mentions.length).toBeGreaterThan(0);
    for (const m of e.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.start).toBeLessThan(m.end);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  }
  for (const r of extractRelations(analyzed, entities)) {
    expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
    expect(r.evidence.start).toBeGreaterThanOrEqual(0);
    expect(r.evidence.end).toBeLessThanOrEqual(text.length);
    expect(r.evidence.start).toBeLessThan(r.evidence.end);
  }
}

describe('entities and relations on random text', () => {
  it('never throw on arbitrary Unicode, and keep mentions in bounds and text-exact', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => check(text)), { numRuns: 150 });
  });

  it('never throw on word salads of names, titles and cues', () => {
    const salad = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(salad, (text) => check(text)), { numRuns: 300 });
  });
});
