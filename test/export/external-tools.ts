/**
 * The independent readers that export tests run: /usr/bin/python3 with networkx, and xmllint.
 * A missing tool fails the test with the way to install it, unless CLAIMGRAPH_SKIP_EXTERNAL=1 says to skip.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** networkx belongs to Debian's python, which may not be the python3 first on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const SKIP_EXTERNAL = process.env.CLAIMGRAPH_SKIP_EXTERNAL === '1';

function probe(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0;
}

export const HAS_NETWORKX = probe(SYSTEM_PYTHON, ['-c', 'import networkx']);
export const HAS_XMLLINT = probe('xmllint', ['--version']);

const INSTALL_HINT: Record<'networkx' | 'xmllint', string> = {
  networkx: `${SYSTEM_PYTHON} cannot import networkx: install it (apt-get install python3-networkx), or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip these tests`,
  xmllint: 'xmllint is not installed: install it (apt-get install libxml2-utils), or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip these tests',
};

/**
 * `test` when the tool is there; `test.skip` when it is missing and skipping was asked for; otherwise a test
 * that fails at once with the install hint, so CI cannot pass silently without the independent readers.
 */
export function testWith(tool: 'networkx' | 'xmllint'): jest.It {
  const available = tool === 'networkx' ? HAS_NETWORKX : HAS_XMLLINT;
  if (available) return test;
  if (SKIP_EXTERNAL) return test.skip;
  const fail = (name: string) => test(name, () => { throw new Error(INSTALL_HINT[tool]); });
  // `.each(table)(name, fn)` too: one failing test stands for the whole table
  return Object.assign(fail, { each: () => (name: string) => fail(name) }) as unknown as jest.It;
}

/** What networkx reads from a GEXF or GraphML file, as read_with_networkx.py prints it. */
export interface NetworkxReading {
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: { source: string; target: string; id: string | null; data: Record<string, unknown> }[];
}

/** `python`: Debian's (networkx 2.8) by default, or one with a current networkx (see networkx3.ts). */
export function readWithNetworkx(path: string, format: 'gexf' | 'graphml', python = SYSTEM_PYTHON): NetworkxReading {
  const result = spawnSync(python, [join(__dirname, 'read_with_networkx.py'), format, path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`networkx could not read ${path}: ${result.stderr}`);
  return JSON.parse(result.stdout) as NetworkxReading;
}

/** xmllint's verdict on a file, optionally against an XML schema. */
export function xmllint(path: string, schema?: string): { ok: boolean; output: string } {
  const args = ['--noout', ...(schema ? ['--schema', schema] : []), path];
  const result = spawnSync('xmllint', args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
