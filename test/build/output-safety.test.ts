/**
 * No command destroys data through its output: `--out` onto an input, a FIFO, a device or a folder is refused
 * before any work, a symbolic link is followed (the link stays), an existing graph is replaced with a note of
 * what it held, and a file claimgraph did not write is replaced only with --force. Writes are whole or nothing,
 * a signal during the write leaves no temporary file, and stale temporary files of dead runs are removed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli';
import { nodeOutputFs, removeStaleTemps, tempPathFor, writeFilesWhole } from '../../src/cli/build-output';
import { checkOutputTarget, nodeTargetFs, statInputs } from '../../src/cli/output-target';

const CHILD_TIMEOUT = 240_000;
const tmp = () => mkdtempSync(join(tmpdir(), 'claimgraph-out-'));
const ARTICLE = 'Harbor Board Approves Budget\n\nThe harbor board said on Monday that the budget for the new pier was approved.\n';
const OTHER = 'Clinic Extends Hours\n\nThe city clinic said on Friday that it would open on Sundays.\n';

describe('checkOutputTarget', () => {
  it('refuses a device, a folder and an input, and accepts a missing path', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    const inputs = await statInputs([join(dir, 'a.txt')]);
    // /dev/null is only looked at (lstat), never written
    expect(await checkOutputTarget('/dev/null', inputs)).toEqual({ ok: false, reason: 'is a device; refusing to replace it with a graph file' });
    expect(await checkOutputTarget(dir, inputs)).toEqual({ ok: false, reason: 'is a folder; refusing to replace it with a graph file' });
    expect(await checkOutputTarget(join(dir, 'a.txt'), inputs)).toMatchObject({ ok: false, reason: expect.stringContaining('is an input of this command') });
    expect(await checkOutputTarget(join(dir, 'new.json'), inputs)).toEqual({ ok: true, path: join(dir, 'new.json'), exists: false });
  });

  it('recognises an input reached through a symbolic link (same device and inode)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    symlinkSync(join(dir, 'a.txt'), join(dir, 'alias.json'));
    const inputs = await statInputs([join(dir, 'a.txt')], nodeTargetFs);
    expect(await checkOutputTarget(join(dir, 'alias.json'), inputs)).toMatchObject({ ok: false, reason: expect.stringContaining('is an input') });
  });
});

describe('claimgraph build --out: refused targets', () => {
  const dir = tmp();
  const article = join(dir, 'a.txt');
  const fifo = join(dir, 'pipe.json');
  beforeAll(() => {
    writeFileSync(article, ARTICLE);
    execFileSync('mkfifo', [fifo]);
    mkdirSync(join(dir, 'folder.json'));
    symlinkSync(join(dir, 'nowhere.json'), join(dir, 'dangling.json'));
    writeFileSync(join(dir, 'notes.json'), '{"mine": true}\n');
  });

  it('never writes over its own input, and leaves it as it was', () => {
    const result = runCli(['build', article, '--out', article, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`claimgraph: ${article}: not written: is an input of this command (${article}); refusing to write over it\n`);
    expect(readFileSync(article, 'utf8')).toBe(ARTICLE);
    expect(JSON.parse(result.stdout)).toMatchObject({ documents: 0, out: null });
  }, CHILD_TIMEOUT);

  it('refuses a FIFO, a folder and a link to nowhere, and leaves each as it was', () => {
    for (const [out, reason] of [
      [fifo, 'is a named pipe (FIFO); refusing to replace it with a graph file'],
      [join(dir, 'folder.json'), 'is a folder; refusing to replace it with a graph file'],
      [join(dir, 'dangling.json'), 'is a symbolic link to a missing file; refusing to follow it (remove the link or give the real path)'],
    ] as const) {
      const result = runCli(['build', article, '--out', out, '--quiet']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`claimgraph: ${out}: not written: ${reason}\n`);
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'nowhere.json'))).toBe(false);
  }, CHILD_TIMEOUT);

  it('refuses to replace a file that claimgraph did not write, unless --force', () => {
    const notes = join(dir, 'notes.json');
    const refused = runCli(['build', article, '--out', notes, '--quiet']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the file exists and is not a claimgraph graph; refusing to replace it');
    expect(readFileSync(notes, 'utf8')).toBe('{"mine": true}\n');
    const forced = runCli(['build', article, '--out', notes, '--quiet', '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(notes, 'utf8')).attributes.documents[0].id).toBe('a');
  }, CHILD_TIMEOUT);
});

describe('claimgraph build --out onto an existing graph', () => {
  it('says what it replaces, and follows a symbolic link to the graph (the link is kept)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'b.txt'), OTHER);
    const out = join(dir, 'real', 'graph.json');
    expect(runCli(['build', join(dir, 'a.txt'), join(dir, 'b.txt'), '--out', out, '--quiet']).code).toBe(0);
    symlinkSync(out, join(dir, 'link.json'));
    const again = runCli(['build', join(dir, 'a.txt'), '--out', join(dir, 'link.json'), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).replaced).toEqual({ documents: ['a', 'b'], dropped: ['b'] });
    expect(readlinkSync(join(dir, 'link.json'))).toBe(out);
    expect(JSON.parse(readFileSync(out, 'utf8')).attributes.documents.map((d: { id: string }) => d.id)).toEqual(['a']);
    const plain = runCli(['build', join(dir, 'b.txt'), '--out', out]);
    expect(plain.stdout).toMatch(/; replaced a graph of 1 document\(s\), 1 not in this build: a\n$/);
  }, CHILD_TIMEOUT);
});

describe('claimgraph export --out', () => {
  it('never writes over the graph it reads', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    const graph = join(dir, 'g.json');
    expect(runCli(['build', join(dir, 'a.txt'), '--out', graph, '--quiet']).code).toBe(0);
    const before = readFileSync(graph, 'utf8');
    const result = runCli(['export', graph, '--format', 'gexf', '--out', graph]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`claimgraph export: ${graph}: not written: is an input of this command (${graph}); refusing to write over it\n`);
    expect(readFileSync(graph, 'utf8')).toBe(before);
  }, CHILD_TIMEOUT);
});

describe('writeFilesWhole: both files or neither', () => {
  it('when the second rename fails, puts the first file back as it was', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'g.json'), 'old json');
    writeFileSync(join(dir, 'g.gexf'), 'old gexf');
    const failing = {
      ...nodeOutputFs,
      rename: async (from: string, to: string) => {
        if (to.endsWith('.gexf')) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
        return nodeOutputFs.rename(from, to);
      },
    };
    await expect(writeFilesWhole([{ path: join(dir, 'g.json'), data: 'new json' }, { path: join(dir, 'g.gexf'), data: 'new gexf' }], failing)).rejects.toThrow('EXDEV');
    expect(readFileSync(join(dir, 'g.json'), 'utf8')).toBe('old json');
    expect(readFileSync(join(dir, 'g.gexf'), 'utf8')).toBe('old gexf');
    expect(readdirSync(dir).sort()).toEqual(['g.gexf', 'g.json']);
  });

  it('on SIGTERM during the write, removes its temporary files and keeps the old graph', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'g.json'), 'old json');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'helpers', 'held-write.ts'), dir], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve()));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(2);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(143);
    expect(readdirSync(dir)).toEqual(['g.json']);
    expect(readFileSync(join(dir, 'g.json'), 'utf8')).toBe('old json');
  }, CHILD_TIMEOUT);

  it('removes the temporary files of runs that are gone, and keeps those of a running process', async () => {
    const dir = tmp();
    const target = join(dir, 'graph.json');
    const dead = tempPathFor(target, 2 ** 22 + 12345); // above Linux's default pid_max: never a live process
    const live = tempPathFor(target, process.ppid);
    writeFileSync(dead, 'partial');
    writeFileSync(live, 'in progress');
    writeFileSync(join(dir, '.other.json.1.tmp'), 'not ours');
    expect(await removeStaleTemps(target)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([`.graph.json.${process.ppid}.tmp`, '.other.json.1.tmp']);
  });
});
