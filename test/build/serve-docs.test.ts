/**
 * docs/viewer.md tells what serve and start do: every option they take is named there, and the Host check it
 * describes is the server's (the status a foreign Host gets).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createProgram } from '../../src/cli/main';
import { viewerRequestHandler } from '../../src/cli/serve-static';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'viewer.md'), 'utf8');

test.each(['serve', 'start'])('docs/viewer.md names every option of %s', (name) => {
  const command = createProgram().commands.find((c) => c.name() === name)!;
  const flags = command.options.map((o) => o.long!);
  expect(flags).toContain('--allow-remote-graphs');
  expect(flags.filter((f) => !DOC.includes(f))).toEqual([]);
});

test('the Host check it describes is the one the server makes', () => {
  let status = 0;
  const res = { writeHead: (s: number) => (status = s), end: () => undefined } as unknown as ServerResponse;
  viewerRequestHandler({ root: __dirname })({ method: 'GET', url: '/graph', headers: { host: 'rebound.example:5173' } } as IncomingMessage, res);
  expect(status).toBe(421);
  expect(DOC).toContain('`Host` header names a loopback name');
  expect(DOC).toContain(`${status} Misdirected`);
});
