/**
 * claimgraph query from the command line, run as a user runs it (one child process per case, so few cases):
 * JSON equal to the API's answer, tables, and the exit codes for no match (1), unknown names (1) and usage (2).
 */
import { loadGraph } from '../../src/query';
import { runCli } from '../helpers/run-cli';
import { writeGraphFile } from './helpers';

const graphFile = writeGraphFile();
const query = (...args: string[]) => runCli(['query', '--graph', graphFile, ...args]);

// each case spawns a process: allow for a busy machine
jest.setTimeout(180_000);

describe('claimgraph query', () => {
  it('prints the same claims as the API with --json', async () => {
    const result = query('claims', '--stance', 'denied', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual((await loadGraph(graphFile)).claims({ stance: 'denied' }));
  });

  it('prints a path as a table with each edge and its evidence sentence', () => {
    const result = query('path', 'Regional media', 'officials');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Regional media (media) to officials (person): 2 steps');
    expect(lines.at(-2)).toMatch(/^ +1 +Regional media +-reported-> +divers cut the hull +agency-statement:\d+ +Regional media reported that officials questioned whether divers cut the hull\.$/);
    expect(lines.at(-1)).toMatch(/^ +2 +divers cut the hull +<-questioned- +officials /);
  });

  it('exits 1 with suggestions for an unknown name', () => {
    const result = query('entity', 'Quel');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('claimgraph query: no entity named "Quel"; did you mean: Mara Quell (person, person:mara-quell)?\n');
  });

  it('exits 1 when nothing matches, still printing valid JSON', () => {
    const result = query('--json', 'claims', '--by', 'NHA', '--stance', 'denied');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toContain('no claims by "NHA" with stance denied');
  });

  it('exits 2 on a usage error', () => {
    const result = query('claims', '--stance', 'whispered');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are stated, denied, questioned, confirmed, reported');
  });
});
