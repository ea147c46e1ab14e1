/** The example scripts in scripts/examples run against a graph file and print what they promise. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli';
import { writeGraphFile } from './helpers';

const graphFile = writeGraphFile();

function runExample(name: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts/examples', name), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// each case spawns a process: allow for a busy machine
jest.setTimeout(180_000);

describe('scripts/examples', () => {
  it('who-denied-what lists denials and questions with their sentences', () => {
    const result = runExample('who-denied-what.ts', graphFile);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Ravenline denied: the breach was a welding fault\n');
    expect(result.stdout).toContain('officials questioned: divers cut the hull\n');
    expect(result.stdout).toContain('[agency-statement] Ravenline denied that the breach was a welding fault.');
  });

  it('claims-about lists the claims about an entity and their sources', () => {
    const ok = runExample('claims-about.ts', 'crack', graphFile);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n').slice(0, 3)).toEqual([
      'breach (event): 2 claim(s) about it',
      '- a small breach was found in the hull of the Kestrel Harbour Tender',
      '    stated by NHA',
    ]);
  });

  it('how-connected prints each hop', () => {
    const result = runExample('how-connected.ts', 'Regional media', 'officials', graphFile);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Regional media reported divers cut the hull');
    expect(result.stdout).toContain('officials questioned divers cut the hull');
  });
});
