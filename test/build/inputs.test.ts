/**
 * Tests of the build command's file side (src/cli/build-inputs.ts, build-output.ts): finding inputs, the size
 * limit checked before reading, unreadable files (simulated: tests run as root), whole-or-nothing writes.
 */
import { mkdtempSync, mkdirSync, symlinkSync, readdirSync, readFileSync, writeFileSync, existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs, describeFsError, nodeInputFs, parseSize, readInput, type InputFs } from '../../src/cli/build-inputs';
import { nodeOutputFs, writeFilesWhole } from '../../src/cli/build-output';

const tmp = () => mkdtempSync(join(tmpdir(), 'claimgraph-inputs-'));

describe('parseSize', () => {
  it('reads bytes and binary units, and refuses what is not a size', () => {
    expect(parseSize('1000000')).toBe(1_000_000);
    expect(parseSize('5MB')).toBe(5 * 1024 * 1024);
    expect(parseSize('200k')).toBe(200 * 1024);
    expect(parseSize('1.5 G')).toBe(1.5 * 1024 ** 3);
    for (const bad of ['', 'abc', '-5', '0', '5 parsecs', '1e9']) expect(parseSize(bad)).toBeUndefined();
  });
});

describe('collectInputs', () => {
  it('expands folders recursively in name order, skips other files and hidden entries, and names missing paths', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'b-sub'));
    mkdirSync(join(dir, '.hidden'));
    for (const f of ['c.txt', 'a.md', 'b-sub/z.html', 'notes.pdf', '.hidden/h.txt', 'image.png']) writeFileSync(join(dir, f), 'x');
    const empty = join(dir, 'b-sub', 'empty');
    mkdirSync(empty);
    const { files, errors } = await collectInputs([dir, join(dir, 'c.txt'), join(dir, 'gone.txt'), empty]);
    expect(files).toEqual([join(dir, 'a.md'), join(dir, 'b-sub', 'z.html'), join(dir, 'c.txt')]);
    expect(errors).toEqual([
      { file: join(dir, 'gone.txt'), reason: 'no such file or folder' },
      { file: empty, reason: expect.stringContaining('no article files in this folder') },
    ]);
  });

  it('follows symbolic links without looping on a link to a parent folder', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.txt'), 'x');
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'sub', 'a.txt'), join(dir, 'link.txt'));
    const { files, errors } = await collectInputs([dir]);
    expect(errors).toEqual([]);
    expect(files).toEqual([join(dir, 'link.txt'), join(dir, 'sub', 'a.txt')]);
  });

  it('names an unreadable subfolder and still finds the files beside it and in its parent', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'locked'));
    mkdirSync(join(dir, 'open'));
    for (const f of ['a.txt', 'locked/secret.txt', 'open/b.txt', 'z.md']) writeFileSync(join(dir, f), 'x');
    // simulated: root reads through chmod 000 (the non-root case runs for real in cli.test.ts)
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const lockedFs: InputFs = { ...nodeInputFs, readdir: (path) => (path === join(dir, 'locked') ? Promise.reject(denied) : nodeInputFs.readdir(path)) };
    const { files, errors } = await collectInputs([dir], lockedFs);
    expect(files).toEqual([join(dir, 'a.txt'), join(dir, 'open', 'b.txt'), join(dir, 'z.md')]);
    expect(errors).toEqual([{ file: join(dir, 'locked'), reason: 'cannot read: permission denied' }]);
  });

  it('names a broken symbolic link instead of skipping it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'x');
    symlinkSync(join(dir, 'moved-away.txt'), join(dir, 'b.txt'));
    const { files, errors } = await collectInputs([dir]);
    expect(files).toEqual([join(dir, 'a.txt')]);
    expect(errors).toEqual([{ file: join(dir, 'b.txt'), reason: 'broken symbolic link (its target does not exist)' }]);
  });

  it('keeps a named file whatever its extension, so that ingest can say why it cannot read it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'scan.pdf'), 'x');
    expect((await collectInputs([join(dir, 'scan.pdf')])).files).toEqual([join(dir, 'scan.pdf')]);
  });
});

describe('readInput', () => {
  it('refuses a file over the limit from its size alone, without reading it', async () => {
    const dir = tmp();
    const file = join(dir, 'big.txt');
    writeFileSync(file, 'word '.repeat(1000));
    const refusingFs: InputFs = { ...nodeInputFs, readFile: () => Promise.reject(new Error('read although over the limit')) };
    expect(await readInput(file, 1024, refusingFs)).toEqual({ ok: false, reason: '4.9 KB is over the 1 KB size limit (raise it with --max-size)' });
    const raised = await readInput(file, 10 * 1024);
    expect(raised.ok && raised.bytes.length).toBe(5000);
  });

  it('reports an unreadable file (simulated: root reads through chmod 000) and a folder named like a file', async () => {
    const dir = tmp();
    const file = join(dir, 'locked.txt');
    writeFileSync(file, 'text');
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    const lockedFs: InputFs = { ...nodeInputFs, readFile: () => Promise.reject(denied) };
    expect(await readInput(file, 1024, lockedFs)).toEqual({ ok: false, reason: 'cannot read: permission denied' });
    mkdirSync(join(dir, 'x.txt'));
    expect(await readInput(join(dir, 'x.txt'), 1024)).toEqual({ ok: false, reason: 'cannot read: it is a folder' });
    expect(describeFsError(Object.assign(new Error('boom'), { code: 'EIO' }))).toBe('cannot read: boom');
  });
});

describe('writeFilesWhole', () => {
  it('writes every file, and leaves no temporary file behind', async () => {
    const dir = tmp();
    await writeFilesWhole([{ path: join(dir, 'out', 'g.json'), data: '{"a":1}' }, { path: join(dir, 'out', 'g.gexf'), data: '<gexf/>' }]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['g.gexf', 'g.json']);
    expect(readFileSync(join(dir, 'out', 'g.json'), 'utf8')).toBe('{"a":1}');
  });

  it('on a write that fails half-way, leaves the old files untouched and removes the partial temporary file', async () => {
    const dir = tmp();
    const target = join(dir, 'g.json');
    writeFileSync(target, 'old');
    const failing = {
      ...nodeOutputFs,
      writeFile: async (path: string, data: string) => {
        if (path.endsWith('.tmp') && data.startsWith('<gexf')) {
          await fsp.writeFile(path, data.slice(0, 3)); // a partial write, then the disk is full
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        return nodeOutputFs.writeFile(path, data);
      },
    };
    await expect(writeFilesWhole([{ path: target, data: 'new' }, { path: join(dir, 'g.gexf'), data: '<gexf/>' }], failing)).rejects.toThrow('ENOSPC');
    expect(readdirSync(dir)).toEqual(['g.json']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('when the rename fails (the target is a folder), leaves no temporary file', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'g.json'));
    writeFileSync(join(dir, 'g.json', 'keep'), 'x');
    await expect(writeFilesWhole([{ path: join(dir, 'g.json'), data: '{}' }])).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['g.json']);
    expect(existsSync(join(dir, 'g.json', 'keep'))).toBe(true);
  });

  it('fails with ENOTDIR, and creates nothing, when a parent of the target is a file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    await expect(writeFilesWhole([{ path: join(dir, 'file', 'sub', 'g.json'), data: '{}' }])).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('creates missing parent folders one level at a time', async () => {
    const dir = tmp();
    await writeFilesWhole([{ path: join(dir, 'a', 'b', 'c', 'g.json'), data: '{}' }]);
    expect(readdirSync(join(dir, 'a', 'b', 'c'))).toEqual(['g.json']);
  });
});
