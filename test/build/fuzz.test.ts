/**
 * The fuzz generator of `npm run fuzz` with a small N: random Unicode, control characters, tabs and hard wraps,
 * unbalanced quotes, huge tokens, deep HTML and invalid bytes. No document may crash a stage, take over the
 * time limit, or give an empty or out-of-bounds evidence span.
 */
import { fuzzDocument, runFuzz } from '../../scripts/fuzz';

describe('npm run fuzz, small N', () => {
  it('generates the same documents from the same seed, of every kind', () => {
    const a = Array.from({ length: 30 }, (_, i) => fuzzDocument(5, i));
    const b = Array.from({ length: 30 }, (_, i) => fuzzDocument(5, i));
    expect(a.map((d) => Buffer.from(d.bytes).toString('base64'))).toEqual(b.map((d) => Buffer.from(d.bytes).toString('base64')));
    expect(new Set(a.map((d) => d.name.split('.').pop()))).toEqual(new Set(['txt', 'md', 'html']));
  });

  it('builds 60 random documents with no crash, no hang and no bad span', async () => {
    const report = await runFuzz(60, { seed: 2, threads: 1, timeoutMs: 30_000 });
    expect(report.crashes).toEqual([]);
    expect(report.hangs).toEqual([]);
    expect(report.badSpans).toEqual([]);
    // the generator is hostile on purpose, but most documents still get through to the extraction stages
    expect(report.refused).toBeLessThan(30);
  }, 240_000);
});
