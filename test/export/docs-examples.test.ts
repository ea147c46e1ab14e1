/**
 * The commands that docs/exports.md gives for reading exports run as written, taken from the markdown itself: the
 * JSON-LD one-liner (jsonld expands the file without fetching, one node per claim), and the networkx snippet, with
 * Debian's networkx 2.8 on the GEXF 1.2 file and with networkx 3.x on the default 1.3 file and the 1.2 one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeGexf, writeJsonLd } from '../../src/export';
import { graphFromJsonText, type ClaimGraph } from '../../src/graph/load';
import { SYSTEM_PYTHON, testWith } from './external-tools';
import { networkx3 } from './networkx3';
import { fileSaver } from './test-graphs';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'exports.md'), 'utf8');
const save = fileSaver('claimgraph-docs-');
const bundled = (): ClaimGraph => graphFromJsonText(readFileSync(join(ROOT, 'graph-data', 'graph.json'), 'utf8'), 'graph-data/graph.json');

/** The inline `node -e '…'` command of the JSON-LD section. */
function jsonLdOneLiner(): string {
  const section = DOC.slice(DOC.indexOf('## JSON-LD'));
  const command = /`(node -e '[^']*jsonld[^']*')`/.exec(section)?.[1];
  if (!command) throw new Error('docs/exports.md: no `node -e` command in the JSON-LD section');
  return command;
}

/** The `python3 -c '…' FILE` block of the GEXF section: the script and the file it is shown with. */
function networkxSnippet(): { script: string; file: string } {
  const section = DOC.slice(DOC.indexOf('## GEXF'), DOC.indexOf('## GraphML'));
  const block = /```sh\n([\s\S]*?python3 -c '[\s\S]*?)```/.exec(section)?.[1];
  const parts = block && /python3 -c '([\s\S]*?)'\s+(\S+)/.exec(block);
  if (!parts) throw new Error('docs/exports.md: no `python3 -c` block in the GEXF section');
  // the markdown indents the block inside a list item; python wants it as written at the prompt
  const indent = /^( *)python3/m.exec(block)![1]!.length;
  return { script: parts[1]!.split('\n').map((l) => l.slice(indent)).join('\n'), file: parts[2]! };
}

test('the JSON-LD one-liner expands an exported claims.jsonld, one node per claim', () => {
  const graph = bundled();
  const file = save('claims.jsonld', writeJsonLd(graph));
  const claims = graph.filterNodes((_, a) => a.kind === 'claim').length;
  // run as a user would, from the folder of the file; jsonld comes from this repository's node_modules
  const result = spawnSync('sh', ['-c', jsonLdOneLiner()], { cwd: dirname(file), env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe(`${claims}\n`);
  expect(claims).toBeGreaterThan(0);
});

describe('the networkx snippet', () => {
  const graph = bundled();
  const files = { '1.3': save('graph.gexf', writeGexf(graph)), '1.2': save('graph-1.2.gexf', writeGexf(graph, { version: '1.2' })) };

  /** Runs the snippet on `file`; checks the counts, a node's color and position, and the relations it prints. */
  const expectReads = (python: string, file: string) => {
    const result = spawnSync(python, ['-c', networkxSnippet().script, file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const [counts, node, edges] = result.stdout.trim().split('\n');
    expect(counts).toBe(`${graph.order} ${graph.size}`);
    expect(node).toMatch(/\{'r': \d+, 'g': \d+, 'b': \d+, 'a': 1\.0\} \{'x': -?[\d.]+, 'y': -?[\d.]+, 'z': 0\.0\} \[\{'doc': /);
    expect(edges).toMatch(/^\[\('\w+', (True|False)\)/);
  };

  test('is shown with the default GEXF 1.3 file', () => {
    const snippet = networkxSnippet();
    expect(snippet.file).toBe('graph.gexf');
    expect(snippet.script).toContain('nx.read_gexf(sys.argv[1])');
  });

  testWith('networkx')('runs with Debian networkx 2.8 on the GEXF 1.2 file', () => expectReads(SYSTEM_PYTHON, files['1.2']));

  const nx3 = networkx3();
  (nx3.python ? test.each(['1.3', '1.2'] as const) : test.skip.each(['1.3', '1.2'] as const))(
    `runs with networkx 3.x on the GEXF %s file${nx3.python ? '' : ` [skipped: ${nx3.reason ?? 'no networkx 3'}]`}`,
    (version) => expectReads(nx3.python!, files[version]),
  );
});
