/**
 * Property-based test (fast-check): any Unicode text, alone or mixed with the words that the extraction
 * stages look for, builds without throwing, and every evidence span lies inside its document.
 */
import fc from 'fast-check';
import { buildGraph } from '../../src/graph/build';
import { validateSerializedGraph } from '../../src/graph/schema';
import { documentFromText } from '../../src/ingest/from-text';
import { applyLayout } from '../../src/layout/layout';
import { buildFromSources } from '../../src/pipeline/build-from-sources';
import { extractDocument } from '../../src/pipeline/extract-document';

/** Words and marks that wake up the stages: names, reporting cues, quotes, pronouns, line breaks. */
const TRIGGERS = ['ESA', 'Dr. Ada Lin', 'the agency', 'said', 'told reporters', 'according to', 'denied that', 'questioned whether',
  'confirmed', 'he', 'she', 'they', 'officials', '"', '“', '”', "'", '.', ',', ':', '\n', '\r\n', '\n\n', ' ', 'that', 'U.S.', '2024-01-02'];

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(fc.constantFrom(...TRIGGERS), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 80 }).map((parts) => parts.join(' ')),
  fc.array(fc.oneof(fc.constantFrom(...TRIGGERS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 80 }).map((parts) => parts.join('')),
);

/** The contract's own check: shape, edge ends, and evidence inside its document. */
const inBounds = (graph: ReturnType<typeof buildGraph>) => validateSerializedGraph(JSON.parse(JSON.stringify(graph.export())));

describe('build over random text', () => {
  it('never throws and keeps every span in bounds (from a string, lone surrogates included)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const graph = buildGraph([extractDocument(documentFromText('random', t))]);
        applyLayout(graph, { iterations: 5 });
        inBounds(graph);
      }),
      { numRuns: 150 },
    );
  });

  it('from bytes through ingest: only empty or blank inputs are refused, and no stage fails', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
        const sources = texts.map((t, i) => ({ file: `doc-${i}.txt`, bytes: new Uint8Array(Buffer.from(t, 'utf8')) }));
        const { graph, errors } = buildFromSources(sources, { layout: { iterations: 5 } });
        for (const e of errors) expect(e.reason).toMatch(/^(empty file|no text \(white space only\)|binary file, not text .*)$/);
        inBounds(graph);
      }),
      { numRuns: 60 },
    );
  });
});
