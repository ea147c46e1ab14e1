/**
 * `claimgraph serve` in a child process, for tests: waits for the line with the URL (not for time), asks the
 * server for pages with a loopback Host, and stops the child. The child does not block this process, so a test
 * can talk to it while it runs.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { request } from 'node:http';

export interface ServeChild {
  url: string;
  /** what the child has written on stderr so far */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `command args` and resolves once it prints `claimgraph viewer: URL`; rejects with its output if it exits first. */
export function startServeChild(command: string, args: string[], options: SpawnOptions): Promise<ServeChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<void>((done) => child.once('close', () => done()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /claimgraph viewer: (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) {
        resolve({
          url,
          stderr: () => stderr,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`serve exited (${code}) before it served: ${stdout}${stderr}`)));
  });
}

/** GET `path` from the server at `url`, with its own host as Host. */
export function getPage(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port, host } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}
