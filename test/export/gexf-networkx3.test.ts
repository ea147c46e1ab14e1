/**
 * GEXF read back by a current networkx (3.x), 1.3 and 1.2: node and edge counts, relations (kind, ends and which
 * edges were undirected), positions, sizes and colors. networkx 3 reads colors from r, g, b only, and refuses a
 * file that mixes directed and undirected edges. Skips, saying why, when networkx 3 cannot be had (networkx3.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeGexf } from '../../src/export/gexf';
import { graphFromJsonText, type ClaimGraph } from '../../src/graph/load';
import { expectGexfReadByNetworkx } from './expect-graph';
import { readWithNetworkx } from './external-tools';
import { networkx3 } from './networkx3';
import { fileSaver, TEST_GRAPHS } from './test-graphs';

jest.setTimeout(240_000);

const nx3 = networkx3();
if (!nx3.python) process.stderr.write(`gexf-networkx3.test.ts skipped: ${nx3.reason}\n`);
const describeNx3 = nx3.python ? describe : describe.skip;
const save = fileSaver('claimgraph-gexf-nx3-');

/** The committed bundled graph: the graph a new user exports first. */
const bundled = (): ClaimGraph => graphFromJsonText(readFileSync(join(__dirname, '..', '..', 'graph-data', 'graph.json'), 'utf8'), 'graph-data/graph.json');
const GRAPHS: [string, () => ClaimGraph][] = [...TEST_GRAPHS, ['bundled graph', bundled]];

describeNx3(`GEXF read back by networkx ${nx3.version ?? '3'} (${nx3.python ?? 'none'})`, () => {
  describe.each(['1.3', '1.2'] as const)('GEXF %s', (version) => {
    test.each(GRAPHS)('%s: same node and edge counts, relations, positions, sizes and colors', (name, make) => {
      const graph = make();
      const path = save(`${name.replace(/\W+/g, '-')}.${version}.gexf`, writeGexf(graph, { version }));
      expectGexfReadByNetworkx(graph, readWithNetworkx(path, 'gexf', nx3.python));
    });
  });

  test('the fixtures hold what could go wrong: an undirected edge and node colors', () => {
    const graph = TEST_GRAPHS[0]![1]();
    expect(graph.filterEdges((key) => graph.isUndirected(key)).length).toBeGreaterThan(0);
    expect(writeGexf(graph)).toMatch(/<viz:color r="\d+" g="\d+" b="\d+"/);
  });
});
