/**
 * Runs the claimgraph CLI from source (ts-node, transpile only) in a child process, as a user would,
 * so tests see real exit codes, stdout and stderr without a stale dist/.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
