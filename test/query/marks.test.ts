/**
 * What a speaker's edge says about itself (GRAPH-CONTRACT.md: confidence, quoted, unnamed, belief), from an
 * invented article through the whole pipeline, and the claim filters that read those marks.
 */
import { buildFromSources } from '../../src/pipeline/build-from-sources';
import { queryGraph } from '../../src/query';
import { graphFromJson } from '../../src/graph/load';
import { QueryArgumentError } from '../../src/query';

const ARTICLE = [
  'Harbor Works Ahead of Schedule',
  '',
  '“The new pier will open in June,” Mayor Ana Ruiz said on Monday.',
  'Officials said the dredging had cost less than planned.',
  'Ruiz believes the port will double its traffic within five years.',
  'Harbor master Leo Brandt said the old crane was “beyond repair” and would be removed.',
].join('\n');

function graph() {
  const { graph } = buildFromSources([{ file: 'harbor.txt', bytes: new Uint8Array(Buffer.from(ARTICLE, 'utf8')) }]);
  // through the file contract, as a reader of the saved graph sees it
  return queryGraph(graphFromJson(JSON.parse(JSON.stringify(graph.export())), 'harbor.json'));
}

describe('claim edge marks', () => {
  const q = graph();
  const rows = q.claims();
  const row = (words: string) => {
    const found = rows.find((r) => r.claim.text.includes(words));
    if (!found) throw new Error(`no claim with "${words}" among ${rows.map((r) => r.claim.text).join(' | ')}`);
    return found;
  };

  it('gives every speaker edge a confidence between 0 and 1', () => {
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('tells a direct quotation, a partial one and a paraphrase apart', () => {
    expect(row('new pier will open').quoted).toBe('direct');
    expect(row('beyond repair').quoted).toBe('partial');
    expect(row('dredging had cost').quoted).toBe('paraphrase');
  });

  it('marks unnamed sources and beliefs, and only those', () => {
    expect(row('dredging had cost').unnamed).toBe(true);
    expect(row('new pier will open').unnamed).toBe(false);
    expect(row('double its traffic').belief).toBe(true);
    expect(row('new pier will open').belief).toBe(false);
  });

  it('filters on the marks', () => {
    const texts = (rs: { claim: { text: string } }[]) => rs.map((r) => r.claim.text);
    expect(texts(q.claims({ quoted: 'direct' }))).toEqual([row('new pier will open').claim.text]);
    expect(texts(q.claims({ unnamed: true }))).toEqual([row('dredging had cost').claim.text]);
    expect(texts(q.claims({ beliefs: false }))).not.toContain(row('double its traffic').claim.text);
    expect(q.claims({ beliefs: false }).length).toBe(rows.length - 1);
    const sure = Math.max(...rows.map((r) => r.confidence ?? 0));
    expect(q.claims({ minConfidence: sure }).every((r) => (r.confidence ?? 0) >= sure)).toBe(true);
    expect(q.claims({ minConfidence: 0 }).length).toBe(rows.length);
  });

  it('refuses a confidence outside 0..1 and an unknown quoting', () => {
    expect(() => q.claims({ minConfidence: 1.5 })).toThrow(QueryArgumentError);
    expect(() => q.claims({ quoted: 'verbatim' as never })).toThrow(/unknown quoting "verbatim"/);
  });
});
