/**
 * Keeps the committed graph-data/graph.json and graph.gexf up to date: builds graph-data/articles in memory,
 * through the same code as `npm run build-graph`, and compares; also checks the bundled graph's evidence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInMemory } from '../../src/cli/build';
import { graphToGexfText, graphToJsonText } from '../../src/pipeline/serialize';
import { validateSerializedGraph } from '../../src/graph/schema';
import { evidenceCount, evidenceProblems } from './evidence-check';

const DATA = join(__dirname, '..', '..', 'graph-data');
const STALE = 'is out of date with graph-data/articles or with the code: run `npm run build-graph` and commit graph-data/';

describe('graph-data (the bundled graph)', () => {
  let built: Awaited<ReturnType<typeof buildInMemory>>;
  beforeAll(async () => {
    built = await buildInMemory({ inputs: [join(DATA, 'articles')], out: join(DATA, 'graph.json') });
  });

  it('builds every bundled article without an error', () => {
    expect(built.errors).toEqual([]);
    expect(built.documents.length).toBeGreaterThan(0);
  });

  it('matches the committed graph.json and graph.gexf byte for byte', () => {
    const json = readFileSync(join(DATA, 'graph.json'), 'utf8');
    const gexf = readFileSync(join(DATA, 'graph.gexf'), 'utf8');
    if (graphToJsonText(built.graph) !== json) throw new Error(`graph-data/graph.json ${STALE}`);
    if (graphToGexfText(built.graph) !== gexf) throw new Error(`graph-data/graph.gexf ${STALE}`);
  });

  it('has sound evidence on every node and edge of the committed graph', () => {
    const graph = validateSerializedGraph(JSON.parse(readFileSync(join(DATA, 'graph.json'), 'utf8')), 'graph-data/graph.json');
    expect(evidenceProblems(graph)).toEqual([]);
    // a graph with no evidence would pass vacuously: the stages must find something in these articles
    expect(evidenceCount(graph)).toBeGreaterThan(20);
  });
});
