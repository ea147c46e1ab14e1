/**
 * `claimgraph report` run as a user runs it, on the invented harrow-ferry story: a Markdown and an HTML brief
 * written, links relative to where the brief is, and every refusal with its reason and exit code, the
 * existing brief left whole and no temporary file left behind.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { fixtureStory, writeStoryFile } from '../query/stories';

const graphFile = writeStoryFile(fixtureStory('harrow-ferry'));
const dir = dirname(graphFile);
const report = (...args: string[]) => runCli(['report', graphFile, ...args]);

// each case spawns a process: allow for a busy machine
jest.setTimeout(180_000);

describe('claimgraph report', () => {
  it('writes a Markdown brief, linking each article from the brief\'s folder', () => {
    const out = join(dir, 'briefs', 'story.md');
    const result = report('--out', out);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`claimgraph report: wrote ${out} (3 articles, 8 speakers, 8 claims, 4 disputes)\n`);
    expect(result.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# Story brief\n\n3 articles, 2041-05-02 to 2041-05-09; 8 speakers, 8 claims, 4 disputes.\n\n## Speakers\n')).toBe(true);
    // the graph stores paths from its own folder (harrow-ferry/f1-...); the brief sits one folder down
    expect(md).toContain('- **Brightwake Shipping** denied: there is a secret deal between the council and Brightwake Shipping\n  - [Harrow Ferry Contract Under Fire](<../harrow-ferry/f1-ferry-contract.txt>), 2041-05-02, f1-ferry-contract:163–169: ');
    expect(readdirSync(dirname(out))).toEqual(['story.md']);
  });

  it('writes an HTML page with --about, by the extension in any case', () => {
    const out = join(dir, 'BRIEF.HTML');
    const result = report('--about', 'Brightwake Shipping', '--out', out);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain('<title>Story brief: Brightwake Shipping</title>');
    expect(html).toContain('<a href="harrow-ferry/f2-ferry-vote.txt">Council Vote on Harrow Ferry</a>');
    expect(html).not.toContain('Tessaly Quorne');
  });

  it('refuses an --out that is neither .md nor .html as a usage error, writing nothing', () => {
    for (const [name, why] of [['brief.txt', 'unknown format ".txt"'], ['brief', 'no file extension']] as const) {
      const result = report('--out', join(dir, name));
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`claimgraph report: --out ${join(dir, name)}: ${why}; a brief is written as Markdown (.md) or HTML (.html)\n`);
    }
    expect(readdirSync(dir).filter((f) => f === 'brief.txt' || f === 'brief')).toEqual([]);
  });

  it('names an unknown --about with a suggestion (exit 1), leaving the brief already there whole', () => {
    const out = join(dir, 'kept.md');
    writeFileSync(out, 'an earlier brief\n');
    const result = report('--about', 'Brightwak', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('claimgraph report: --about: no entity named "Brightwak"; did you mean: Brightwake Shipping (organization, organization:brightwake-shipping)?\n');
    expect(readFileSync(out, 'utf8')).toBe('an earlier brief\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a missing graph, and an --out that is a folder or the graph itself (exit 1)', () => {
    const missing = runCli(['report', join(dir, 'none.json'), '--out', join(dir, 'x.md')]);
    expect([missing.code, missing.stderr]).toEqual([1, `claimgraph report: ${join(dir, 'none.json')}: no such graph file (build one with \`claimgraph build\`)\n`]);
    mkdirSync(join(dir, 'folder.md'));
    const folder = report('--out', join(dir, 'folder.md'));
    expect([folder.code, folder.stderr]).toEqual([1, `claimgraph report: ${join(dir, 'folder.md')}: not written: is a folder; refusing to replace it with a brief\n`]);
    writeFileSync(join(dir, 'graph.html'), '');
    const self = runCli(['report', join(dir, 'graph.html'), '--out', join(dir, 'graph.html')]);
    expect([self.code, self.stderr]).toEqual([1, `claimgraph report: ${join(dir, 'graph.html')}: not written: is an input of this command (${join(dir, 'graph.html')}); refusing to write over it\n`]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a missing --out as a usage error (exit 2)', () => {
    const none = report();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("required option '-o, --out <file>' not specified");
  });
});
