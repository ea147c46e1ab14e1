/**
 * Keeps the committed graph-data/graph.json and graph.gexf up to date: builds graph-data/articles in memory,
 * through the same code as `npm run build-graph`, and compares; also checks the bundled graph's evidence.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildInMemory } from '../../src/cli/build';
import { graphToGexfText, graphToJsonText } from '../../src/pipeline/serialize';
import { validateSerializedGraph } from '../../src/graph/schema';
import { runCli } from '../helpers/run-cli';
import { evidenceCount, evidenceProblems } from './evidence-check';

const DATA = join(__dirname, '..', '..', 'graph-data');
/** Building through the CLI (when the articles hold HTML) costs seconds. */
const CHILD_TIMEOUT = 240_000;
const STALE = 'is out of date with graph-data/articles or with the code: run `npm run build-graph` and commit graph-data/';

/**
 * What `npm run build-graph` would write. In memory, unless an article is HTML: linkedom's ES-module
 * dependencies do not load under jest on Node 20, so then the CLI builds it beside graph.json (same folder,
 * so the same relative document paths), under a name that git ignores.
 */
async function expectedFiles(): Promise<{ json: string; gexf: string; errors: unknown[] }> {
  const hasHtml = readdirSync(join(DATA, 'articles'), { recursive: true }).some((f) => /\.html?$/i.test(String(f)));
  if (!hasHtml) {
    const built = await buildInMemory({ inputs: [join(DATA, 'articles')], out: join(DATA, 'graph.json') });
    return { json: graphToJsonText(built.graph), gexf: graphToGexfText(built.graph), errors: built.errors };
  }
  const out = join(DATA, '.tmp-check-graph.json');
  const gexfOut = out.replace(/json$/, 'gexf');
  try {
    const result = runCli(['build', join(DATA, 'articles'), '--out', out, '--quiet']);
    const files = existsSync(out) ? { json: readFileSync(out, 'utf8'), gexf: readFileSync(gexfOut, 'utf8') } : { json: '', gexf: '' };
    return { ...files, errors: result.stderr ? result.stderr.trimEnd().split('\n') : [] };
  } finally {
    for (const file of [out, `${out}.idx`, gexfOut]) rmSync(file, { force: true });
  }
}

describe('graph-data (the bundled graph)', () => {
  let expected: Awaited<ReturnType<typeof expectedFiles>>;
  beforeAll(async () => {
    expected = await expectedFiles();
  }, CHILD_TIMEOUT);

  it('builds every bundled article without an error', () => {
    expect(expected.errors).toEqual([]);
  });

  it('matches the committed graph.json and graph.gexf byte for byte', () => {
    if (expected.json !== readFileSync(join(DATA, 'graph.json'), 'utf8')) throw new Error(`graph-data/graph.json ${STALE}`);
    if (expected.gexf !== readFileSync(join(DATA, 'graph.gexf'), 'utf8')) throw new Error(`graph-data/graph.gexf ${STALE}`);
  });

  it('has sound evidence on every node and edge of the committed graph', () => {
    const graph = validateSerializedGraph(JSON.parse(readFileSync(join(DATA, 'graph.json'), 'utf8')), 'graph-data/graph.json');
    expect(graph.attributes.documents.length).toBeGreaterThan(0);
    expect(evidenceProblems(graph)).toEqual([]);
    // a graph with no evidence would pass vacuously: the stages must find something in these articles
    expect(evidenceCount(graph)).toBeGreaterThan(20);
  });
});
