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
    expect(result.stdout).toContain('Roscosmos denied: the hole was a manufacturing defect\n');
    expect(result.stdout).toContain('officials questioned: astronauts drilled the hole\n');
    expect(result.stdout).toContain('[agency-statement] Roscosmos denied that the hole was a manufacturing defect.');
  });

  it('claims-about lists the claims about an entity and their sources', () => {
    const ok = runExample('claims-about.ts', 'leak', graphFile);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n').slice(0, 3)).toEqual([
      'hole (event): 2 claim(s) about it',
      '- a small hole was discovered at the International Space Station',
      '    stated by NASA',
    ]);
  });

  it('how-connected prints each hop', () => {
    const result = runExample('how-connected.ts', 'Russian media', 'officials', graphFile);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Russian media reported astronauts drilled the hole');
    expect(result.stdout).toContain('officials questioned astronauts drilled the hole');
  });
});
