/**
 * `claimgraph query claims` in time, run as a user runs it: the article's date in tables and at the top level
 * of --json rows, --sort date, --since/--until and their usage errors; and how wide piped tables are.
 */
import { runCli } from '../helpers/run-cli';
import { storyGraph } from '../fixtures/viewer-graphs';
import { writeGraphFile } from './helpers';

const graphFile = writeGraphFile(storyGraph());
const query = (...args: string[]) => runCli(['query', '--graph', graphFile, ...args]);

// each case spawns a process: allow for a busy machine
jest.setTimeout(180_000);

describe('claimgraph query claims in time', () => {
  it('prints rows by date with --sort date --json, each with its date and title at the top level', () => {
    const result = query('claims', '--sort', 'date', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { date: string | null; title: string | null; speaker: { label: string } }[];
    expect(rows.map((r) => r.date)).toEqual(['2024-02-02', '2024-02-02', '2024-02-02', '2024-03-12', '2024-03-12', '2024-03-12', null]);
    expect(rows[0]).toMatchObject({ title: 'New Ferry Launched', speaker: { label: 'Ferry Line' } });
    expect(rows.at(-1)).toMatchObject({ title: 'Letter on the Ferry', date: null });
  });

  it('keeps the range asked with --since and --until, and shows the date and article in the table', () => {
    const result = query('claims', '--since', '2024-02-01', '--until', '2024-02-02');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DATE +SPEAKER +STANCE +CONF +CLAIM +ARTICLE +WHERE +EVIDENCE SENTENCE$/);
    expect(lines.slice(2)).toHaveLength(3);
    expect(lines.slice(2).every((l) => /^2024-02-02 +\S.* New Ferry Launched +ferry-launch:\d+ /.test(l))).toBe(true);
  });

  it('refuses a bad date as a usage error that names the option', () => {
    const result = query('claims', '--since', '2024-13-01');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("option '--since <date>' argument '2024-13-01' is invalid");
    expect(result.stderr).toContain('expected an ISO date YYYY-MM-DD');
  });

  it('cuts piped text columns to 100 characters, marks an undated article, and lifts the limit with --max-width 0', () => {
    const piped = query('claims', '--by', 'Harbor pilots');
    expect(piped.code).toBe(0);
    const row = piped.stdout.trimEnd().split('\n')[2]!;
    expect(row).toMatch(/^undated +Harbor pilots +stated /);
    const sentence = row.slice(row.indexOf('Harbor pilots said'));
    expect(sentence).toHaveLength(100);
    expect(sentence.endsWith('…')).toBe(true);
    const whole = query('claims', '--by', 'Harbor pilots', '--max-width', '0');
    expect(whole.stdout).toContain('the old boats that the harbor master called unfit for winter.');
  });
});
