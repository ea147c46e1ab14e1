/**
 * `claimgraph query disputes` run as a user runs it, on the invented harrow-ferry story: the table, --json,
 * --about, an unknown name (with a suggestion) and an empty answer, with their exit codes.
 */
import { runCli } from '../helpers/run-cli';
import { writeGraphFile } from './helpers';
import { fixtureStory, writeStoryFile } from './stories';

const graphFile = writeStoryFile(fixtureStory('harrow-ferry'));
const query = (...args: string[]) => runCli(['query', '--graph', graphFile, ...args]);

// each case spawns a process: allow for a busy machine
jest.setTimeout(180_000);

describe('claimgraph query disputes', () => {
  it('prints two lines per pair of speakers: the reason, then vs, each with date, stance, claim, article and sentence', () => {
    const result = query('disputes', '--max-width', '0');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# +REASON +DATE +SPEAKER +STANCE +CLAIM +ARTICLE +WHERE +EVIDENCE SENTENCE$/);
    expect(lines[2]).toMatch(/^1 +negation +2041-05-02 +Councillor Imra Dovell +stated +there is a secret deal .* Harrow Ferry Contract Under Fire +f1-ferry-contract:\d+ +Councillor Imra Dovell said there is a secret deal/);
    expect(lines[3]).toMatch(/^ +vs +2041-05-05 +council spokesman +stated +there is no secret deal .* Council Vote on Harrow Ferry +f2-ferry-vote:\d+ +A council spokesman said/);
    expect(lines.filter((l) => / vs /.test(l))).toHaveLength(4);
  });

  it('prints JSON rows naming both speakers, with --about', () => {
    const result = query('disputes', '--about', 'Brightwake Shipping', '--json');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { reason: string; date: string; speakers: { key: string; label: string }[]; sides: { stance: string; title: string; evidence: { sentence: string }[] }[] }[];
    expect(rows.map((r) => [r.reason, r.date, ...r.speakers.map((s) => s.label)])).toEqual([
      ['negation', '2041-05-02', 'Councillor Imra Dovell', 'council spokesman'],
      ['opposite-stance', '2041-05-02', 'Councillor Imra Dovell', 'Brightwake Shipping'],
    ]);
    expect(rows[1]!.speakers[1]!.key).toBe('organization:brightwake-shipping');
    expect(rows[1]!.sides.map((s) => s.stance)).toEqual(['stated', 'denied']);
    expect(rows[1]!.sides[1]!.evidence[0]!.sentence).toBe('Brightwake Shipping denied that there is a secret deal between the council and Brightwake Shipping.');
  });

  it('names the reason and suggests a close name for an unknown --about (exit 1)', () => {
    const result = query('disputes', '--about', 'Brightwak');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('claimgraph query: no entity named "Brightwak"; did you mean: Brightwake Shipping (organization, organization:brightwake-shipping)?\n');
  });

  it('says so when nothing is disputed (exit 1), still printing [] with --json', () => {
    const table = query('disputes', '--about', 'Perrin Vale');
    expect([table.code, table.stdout, table.stderr]).toEqual([1, '', 'claimgraph query: no disputes about "Perrin Vale"\n']);
    const json = query('disputes', '--about', 'Perrin Vale', '--json');
    expect([json.code, json.stdout]).toEqual([1, '[]\n']);
    const none = runCli(['query', '--graph', writeGraphFile(), 'disputes']);
    expect([none.code, none.stderr]).toEqual([1, 'claimgraph query: no disputes: no two speakers take opposite sides of a claim in this graph\n']);
  });
});
