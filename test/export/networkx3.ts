/**
 * A current networkx (3.x) beside Debian's 2.8, for the GEXF round trips: networkx 3 reads GEXF 1.3, and reads
 * colors only from r, g, b. Looked for in this order: $CLAIMGRAPH_NETWORKX3_PYTHON, the venv that .ci/run makes
 * (.venv-networkx3 in the repository, git-ignored), the python3 on PATH. When none has networkx 3, one attempt
 * is made to install it into that venv with pip from the package registry (quick when the registry is
 * reachable, a clear skip when it is not); nothing is fetched once the venv exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_PYTHON } from './external-tools';

export const NETWORKX3_VENV = join(__dirname, '..', '..', '.venv-networkx3');
const VENV_PYTHON = join(NETWORKX3_VENV, 'bin', 'python');

/** The networkx version `python` imports, or undefined. */
function networkxVersion(python: string): string | undefined {
  const result = spawnSync(python, ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const isThree = (version: string | undefined) => version !== undefined && Number(version.split('.')[0]) >= 3;

/** Makes the venv and pip-installs networkx into it; the reason it could not, or undefined when it could. */
function installIntoVenv(): string | undefined {
  const steps: [string, string[]][] = [
    [SYSTEM_PYTHON, ['-m', 'venv', NETWORKX3_VENV]],
    [VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', 'networkx>=3']],
  ];
  for (const [command, args] of steps) {
    if (command === SYSTEM_PYTHON && existsSync(VENV_PYTHON)) continue;
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
    if (result.status !== 0) return `${command} ${args.join(' ')} failed: ${(result.stderr || String(result.error ?? '')).trim().split('\n').pop()}`;
  }
  return undefined;
}

export interface Networkx3 {
  /** the python to run read_with_networkx.py with, when one has networkx 3 */
  python?: string;
  version?: string;
  /** why there is none, for the skip message */
  reason?: string;
}

function findNetworkx3(): Networkx3 {
  const candidates = [process.env.CLAIMGRAPH_NETWORKX3_PYTHON, VENV_PYTHON, 'python3'].filter((p): p is string => Boolean(p));
  for (const python of candidates) {
    const version = networkxVersion(python);
    if (isThree(version)) return { python, version };
  }
  if (process.env.CLAIMGRAPH_SKIP_EXTERNAL === '1') return { reason: 'CLAIMGRAPH_SKIP_EXTERNAL=1' };
  const failed = installIntoVenv();
  const version = networkxVersion(VENV_PYTHON);
  if (isThree(version)) return { python: VENV_PYTHON, version };
  return { reason: `networkx 3 is not installable here (${failed ?? `the venv has networkx ${version ?? 'none'}`}); .ci/run installs it with pip into ${NETWORKX3_VENV}` };
}

let found: Networkx3 | undefined;
/** Found once per test file. */
export const networkx3 = (): Networkx3 => (found ??= findNetworkx3());
