/**
 * A graph too large for one GEXF text (V8 makes no string longer than about 512 MB): the build still writes
 * graph.json, says that the GEXF was not written, and removes an older GEXF that would describe another graph.
 * The GEXF writer is made to fail as it would on such a graph; building one that large takes far too long here.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../src/cli/build';
import { gexfTextUnlessTooLarge } from '../../src/cli/graph-output';
import * as serialize from '../../src/pipeline/serialize';
import { graphFromJsonText } from '../../src/graph/load';

const tooLong = () => {
  throw new RangeError('Invalid string length');
};

test('only a string-length RangeError means "too large"; other errors are errors', () => {
  const graph = graphFromJsonText('{"attributes":{"schemaVersion":2,"generator":"claimgraph test","documents":[]},"nodes":[],"edges":[]}');
  expect(gexfTextUnlessTooLarge(graph, tooLong)).toBeNull();
  expect(() => gexfTextUnlessTooLarge(graph, () => { throw new RangeError('Maximum call stack size exceeded'); })).toThrow('call stack');
  expect(gexfTextUnlessTooLarge(graph)).toContain('<gexf');
});

test('the build writes graph.json alone, warns, and removes the older GEXF', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-gexf-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'pier.txt'), 'Pier Note\n\nThe Lowmarsh port authority said that the pier will reopen in May.\n');
  const out = join(dir, 'graph.json');
  expect((await runBuild({ inputs: [join(dir, 'articles')], out, quiet: true, jobs: 1 })).code).toBe(0);
  expect(existsSync(join(dir, 'graph.gexf'))).toBe(true);

  writeFileSync(join(dir, 'articles', 'clinic.txt'), 'Clinic Note\n\nThe city clinic said on Friday that it would open on Sundays.\n');
  const spy = jest.spyOn(serialize, 'graphToGexfText').mockImplementation(tooLong);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const { code, summary } = await runBuild({ inputs: [join(dir, 'articles')], out, quiet: true, jobs: 1 });
    expect(code).toBe(0);
    expect(summary.out).toBe(out);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(`claimgraph: ${join(dir, 'graph.gexf')}: warning: not written: the graph (`);
  } finally {
    spy.mockRestore();
    stderr.mockRestore();
  }
  expect(graphFromJsonText(readFileSync(out, 'utf8')).getAttribute('documents').map((d) => d.id)).toEqual(['clinic', 'pier']);
  expect(existsSync(join(dir, 'graph.gexf'))).toBe(false);
});
