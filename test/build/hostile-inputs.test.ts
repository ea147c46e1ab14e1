/**
 * One bad file never sinks a build: a page nested 10,000 deep, a 300,000-character "word", a page that is only a
 * login form, a file name with escape sequences and line breaks, a broken symbolic link. Each gets one named,
 * terminal-safe error line; the good files are still built, and --json still prints its summary. Also: ads and
 * asides inside <article> are dropped, and the byline is kept.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli';
import { MAX_HTML_DEPTH } from '../../src/ingest/limits';
import type { GraphDocument } from '../../src/graph/schema';

const CHILD_TIMEOUT = 240_000;
const deepPage = (depth: number) =>
  `<html><head><title>Deep</title></head><body><article>${'<div>'.repeat(depth)}<p>The mayor said that the bridge would open in May, as planned, after the repairs.</p>${'</div>'.repeat(depth)}</article></body></html>`;
const LOGIN_WITH_NAV = '<!doctype html><html><head><title>Sign in</title></head><body><nav><a href="/">Home</a></nav><form><input name="user"><input type="password"><button>Sign in</button></form></body></html>';
const PAGE_WITH_AD = '<!doctype html><html><head><title>Port Adds Two Berths</title></head><body><article><h1>Port Adds Two Berths</h1>' +
  '<div class="byline">By <a rel="author" href="/staff/okafor">Jane Okafor</a></div>' +
  '<p>The port authority said on Monday that it would build two new berths, which would double the number of ships it can take each week.</p>' +
  '<div>ADVERTISEMENT — Officials said the summer sale ends on Friday at every store.</div>' +
  '<aside><p>Related: the mayor said the old tunnel would close for a month of repairs.</p></aside>' +
  '<p>The dockworkers union said that the plan would bring hundreds of jobs to the waterfront over the next decade.</p></article></body></html>';

describe('claimgraph build over hostile inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-hostile-'));
  const inputs = join(dir, 'in');
  const out = join(dir, 'out', 'graph.json');
  const files = {
    good: join(inputs, 'good.txt'),
    deep: join(inputs, 'deep.html'),
    justDeepEnough: join(inputs, 'nested.html'),
    word: join(inputs, 'word.txt'),
    login: join(inputs, 'login.html'),
    ad: join(inputs, 'port.html'),
    forged: join(inputs, 'evil\nclaimgraph: all good\u001b[2J.txt'),
    broken: join(inputs, 'gone.txt'),
  };
  let result: CliResult;
  let documents: GraphDocument[];

  beforeAll(() => {
    mkdirSync(inputs, { recursive: true });
    writeFileSync(files.good, 'Harbor Board Approves Budget\n\nThe harbor board said on Monday that the budget for the new pier was approved.\n');
    writeFileSync(files.deep, deepPage(10_000));
    writeFileSync(files.justDeepEnough, deepPage(MAX_HTML_DEPTH - 10));
    writeFileSync(files.word, `Long Word\n\nThe clerk said that ${'ab.'.repeat(100_000)} was the code.\n`);
    writeFileSync(files.login, LOGIN_WITH_NAV);
    writeFileSync(files.ad, PAGE_WITH_AD);
    writeFileSync(files.forged, '');
    symlinkSync(join(dir, 'no-such-target.txt'), files.broken);
    result = runCli(['build', inputs, '--out', out, '--json'], { timeoutMs: CHILD_TIMEOUT - 10_000 });
    documents = JSON.parse(readFileSync(out, 'utf8')).attributes.documents;
  }, CHILD_TIMEOUT);

  it('builds the good files and prints the JSON summary, with one named error per bad file', () => {
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(documents.map((d) => d.id)).toEqual(['good', 'nested', 'port']);
    expect(summary.errors).toEqual([
      { file: files.deep, reason: `HTML nested more than ${MAX_HTML_DEPTH} elements deep; not an article page` },
      { file: files.forged, reason: 'empty file' },
      { file: files.broken, reason: 'broken symbolic link (its target does not exist)' },
      { file: files.login, reason: 'no article found in the HTML page' },
      { file: files.word, reason: 'a "word" of 300,000 characters without a space at offset 31 (the limit is 1,000); not prose' },
    ].sort((a, b) => (a.file < b.file ? -1 : 1)));
  });

  it('escapes control characters of file names in its error lines, so no line can be forged', () => {
    expect(result.stderr).toContain(`claimgraph: ${inputs}/evil\\nclaimgraph: all good\\x1b[2J.txt: empty file\n`);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr.split('\n').filter((l) => l.startsWith('claimgraph: all good'))).toEqual([]);
  });

  it('drops an inline ad and an aside inside <article>, and keeps the byline under the title', () => {
    const port = documents.find((d) => d.id === 'port')!;
    expect(port.text).not.toContain('ADVERTISEMENT');
    expect(port.text).not.toContain('Related:');
    expect(port.text).toMatch(/^Port Adds Two Berths\n\nBy Jane Okafor\n\nThe port authority said/);
    expect(port.author).toBe('Jane Okafor');
  });
});
