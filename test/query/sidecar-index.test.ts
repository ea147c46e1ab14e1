/**
 * The sidecar index beside a graph file (graph.json.idx, src/query/sidecar-*.ts): `claimgraph build` writes it
 * with the graph, the same bytes for the same graph; `query claims --by` answers through it exactly as through
 * the whole graph (rows, tables, --json, errors, for every speaker and many filters); an index that is missing,
 * stale (the graph written again) or damaged is never used; a build replaces it and an export removes it.
 * The graph is built from the invented stories of test/fixtures/stories and two invented articles here.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../src/cli/build';
import { createProgram } from '../../src/cli/main';
import { readGraphFile } from '../../src/query/load';
import { claimsFromFile, loadGraph, type ClaimFilter, type ClaimRow } from '../../src/query';
import { graphFileWithIndex } from '../../src/query/sidecar-write';
import { writeFilesWhole } from '../../src/cli/build-output';
import type { ClaimGraph } from '../../src/graph/load';
import { miniGraph } from '../fixtures/mini-graph';
import { syntheticGraph } from '../fixtures/synthetic-graph';
import { STORIES } from './stories';

jest.setTimeout(300_000);

const ARTICLES: Record<string, string> = {
  'harbour-lights.txt': [
    'Harbour Lights Restored',
    '',
    'March 3, 2042',
    '',
    '“The lights will shine again by Friday,” said Harbourmaster Ilse Varga.',
    'Officials said the repairs had cost less than planned.',
    'Varga hopes the harbour will reopen to night traffic in April.',
    'The Brenmoor Port Trust denied that the repairs were late.',
  ].join('\n'),
  'harbour-letter.txt': ['Letter on the Harbour', '', 'Ilse Varga said the harbour needed a second tug.', 'The Brenmoor Port Trust said that a second tug was not needed.'].join('\n'),
};

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-sidecar-'));
const graphPath = join(dir, 'built', 'graph.json');
const indexPath = `${graphPath}.idx`;
/** The same graph file with no index beside it: the whole-graph answer. */
const wholePath = join(dir, 'whole', 'graph.json');

async function build(inputs: string[], out: string): Promise<void> {
  const { code } = await runBuild({ inputs, out, quiet: true, jobs: 1, cache: false });
  expect(code).toBe(0);
}

/** Runs the CLI in this process (a child per run would cost seconds each) and captures what it prints. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  process.exitCode = 0;
  try {
    await createProgram().parseAsync(['node', 'claimgraph', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const query = (graph: string, ...args: string[]) => cli('query', '--graph', graph, 'claims', ...args);

beforeAll(async () => {
  mkdirSync(join(dir, 'articles'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, 'articles', name), text);
  await build([STORIES, join(dir, 'articles')], graphPath);
  mkdirSync(join(dir, 'whole'));
  copyFileSync(graphPath, wholePath);
});

describe('the index a build writes', () => {
  it('lies beside the graph, and is the same bytes whenever the same graph is written', async () => {
    expect(existsSync(indexPath)).toBe(true);
    expect(existsSync(`${wholePath}.idx`)).toBe(false);
    // the graph read back from its file (edges added in file order, not the build's) gives the same two files
    const files = graphFileWithIndex(await readGraphFile(graphPath));
    expect([...files.graph].join('')).toBe(readFileSync(graphPath, 'utf8'));
    expect([...files.index].join('')).toBe(readFileSync(indexPath, 'utf8'));
    const header = JSON.parse(readFileSync(indexPath, 'utf8').split('\n')[0]!) as { format: string; version: number; graph: { bytes: number } };
    expect(header).toMatchObject({ format: 'claimgraph-index', version: 2, graph: { bytes: statSync(graphPath).size } });
  });

  it('writes a claim once, however many speakers said it', async () => {
    const graph = await readGraphFile(graphPath);
    const claims = new Set<string>();
    let attributions = 0;
    graph.forEachEdge((_e, a, source, target) => {
      if (['stated', 'denied', 'questioned', 'confirmed', 'reported'].includes(a.kind) && graph.getNodeAttribute(source, 'kind') !== 'claim') {
        claims.add(target);
        attributions++;
      }
    });
    const header = JSON.parse(readFileSync(indexPath, 'utf8').split('\n', 1)[0]!) as { claims: { count: number } };
    expect(attributions).toBeGreaterThan(claims.size);
    expect(header.claims.count).toBe(claims.size);
  });

  it('cannot be made before the graph file is written', async () => {
    const graph = await readGraphFile(graphPath);
    expect(() => [...graphFileWithIndex(graph).index]).toThrow('write the graph file first');
  });
});

describe('query claims --by through the index', () => {
  let speakers: string[] = [];
  let filters: ClaimFilter[] = [];
  beforeAll(async () => {
    const whole = await loadGraph(wholePath);
    speakers = whole.speakers().map((s) => s.speaker.key);
    const docs = whole.documents().map((d) => d.id);
    filters = [
      {},
      { stance: 'denied' },
      { stance: 'reported' },
      { about: 'Brightwake Shipping' },
      { about: 'Lorrin Refinery' },
      { doc: docs[2]! },
      { doc: 'HARBOUR LIGHTS' },
      { since: '2034-05-03' },
      { until: '2041-05-03', sort: 'date' },
      { since: '2033-01-01', until: '2042-12-31' },
      { minConfidence: 0.5 },
      { quoted: 'direct' },
      { quoted: 'paraphrase', beliefs: false },
      { unnamed: true },
      { beliefs: false, sort: 'date' },
    ];
  });

  it('gives every speaker the rows the whole graph gives, under every filter', async () => {
    expect(speakers.length).toBeGreaterThan(15);
    const whole = await loadGraph(wholePath);
    let rows = 0;
    for (const key of speakers) {
      for (const filter of filters) {
        const found = await claimsFromFile(graphPath, { ...filter, by: key });
        expect(found.read).toBe('index');
        const expected = whole.claims({ ...filter, by: key });
        // the same rows, keys in the same order (the --json text)
        expect(JSON.stringify(found.rows)).toBe(JSON.stringify(expected));
        rows += found.rows.length;
      }
    }
    expect(rows).toBeGreaterThan(100);
  });

  it('finds a speaker by label, alias and key alike, in any case and with accents', async () => {
    const rowsOf = async (by: string): Promise<ClaimRow[]> => {
      const found = await claimsFromFile(graphPath, { by });
      expect(found.read).toBe('index');
      return found.rows;
    };
    const tamm = await rowsOf('person:osric-tamm');
    expect(tamm.length).toBeGreaterThan(0);
    expect(await rowsOf('osric TAMM')).toEqual(tamm);
    expect(await rowsOf('Tamm')).toEqual(tamm);
    expect(await rowsOf('Ósric Tamm')).toEqual(tamm);
  });

  it('prints the same tables, JSON and errors as the whole graph, with the same exit codes', async () => {
    // a claim is no speaker: its key names no entity
    const claimKey = (await loadGraph(wholePath)).graph.findNode((_key, a) => a.kind === 'claim')!;
    const cases = [
      ['--by', 'Tessaly Quorne'],
      ['--by', 'Halden Fire Service', '--max-width', '0'],
      ['--by', 'Halden Fire Service', '--json'],
      ['--by', 'Calder Mirrow', '--sort', 'date', '--json'],
      ['--by', 'Ilse Varga'],
      ['--by', 'Ilse Varga', '--quoted', 'direct', '--json'],
      ['--by', 'officials', '--unnamed'],
      ['--by', 'Brenmoor Port Trust', '--stance', 'denied', '--doc', 'harbour-lights'],
      ['--by', 'Councillor Imra Dovell', '--about', 'Brightwake Shipping'],
      ['--by', 'Councillor Imra Dovell', '--about', 'Halden Fire Service'],
      ['--by', 'Councillor Imra Dovell', '--since', '2041-05-04', '--no-beliefs', '--min-confidence', '0.1'],
      ['--by', 'Councillor Imra Dovell', '--stance', 'questioned', '--json'],
      // an entity that made no claim
      ['--by', 'Lorrin Refinery'],
      ['--by', 'Lorrin Refinery', '--json'],
      // names that match nothing or several nodes: the same message, suggestions and exit code
      ['--by', 'Tessaly'],
      ['--by', 'Quorne Tesaly'],
      ['--by', 'fire'],
      ['--by', 'nobody at all'],
      ['--by', 'Councillor Imra Dovell', '--about', 'Brightwake'],
      ['--by', 'Imra Dovell'],
      ['--by', 'Councillor Imra Dovell', '--doc', 'no-such-article'],
      ['--by', ''],
      ['--by', claimKey],
      // an argument error comes before a name error, as in the whole graph
      ['--by', 'Tessaly', '--since', '2041-05-09', '--until', '2041-05-01'],
    ];
    let answered = 0;
    for (const args of cases) {
      const indexed = await query(graphPath, ...args);
      const whole = await query(wholePath, ...args);
      expect({ args, ...indexed }).toEqual({ args, ...whole });
      if (indexed.code === 0) answered++;
    }
    expect(answered).toBeGreaterThanOrEqual(8);
  });
});

describe('query claims --by on a graph whose index table has many buckets', () => {
  const path = join(dir, 'synthetic', 'graph.json');
  beforeAll(async () => {
    const files = graphFileWithIndex(syntheticGraph(15_000, 30_000) as unknown as ClaimGraph);
    await writeFilesWhole([{ path, data: files.graph }, { path: `${path}.idx`, data: files.index }]);
    mkdirSync(join(dir, 'synthetic-whole'));
    copyFileSync(path, join(dir, 'synthetic-whole', 'graph.json'));
  });
  /** The rows, or the message of the error. */
  const settled = async (rows: () => ClaimRow[] | Promise<ClaimRow[]>) => {
    try {
      return await rows();
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('finds names in every part of the table, as the whole graph does', async () => {
    const header = JSON.parse(readFileSync(`${path}.idx`, 'utf8').split('\n', 1)[0]!) as { buckets: { count: number } };
    expect(header.buckets.count).toBeGreaterThan(30);
    const whole = await loadGraph(join(dir, 'synthetic-whole', 'graph.json'));
    // keys, labels and aliases, spread over the graph (and so over the table's buckets), and names of nothing
    const names = whole.graph.filterNodes((key, a) => a.kind !== 'claim' && Number(key.split(':n')[1]) % 499 === 0);
    const asked = names.flatMap((key) => [key, whole.graph.getNodeAttribute(key, 'label'), whole.graph.getNodeAttribute(key, 'aliases')[0]!]);
    expect(asked.length).toBeGreaterThan(40);
    for (const by of [...asked, 'Entity 0x', 'a:e0', 'zzz']) {
      const found = await claimsFromFile(path, { by }).catch(() => undefined);
      if (found) expect(found.read).toBe('index');
      expect(await settled(async () => (await claimsFromFile(path, { by })).rows)).toEqual(await settled(() => whole.claims({ by })));
    }
  });
});

describe('query claims --by on a graph with edges a build never makes', () => {
  const path = join(dir, 'odd', 'graph.json');
  const wholeOdd = join(dir, 'odd-whole', 'graph.json');
  beforeAll(async () => {
    const graph = miniGraph() as unknown as ClaimGraph;
    const edge = (kind: string, source: string, target: string, undirected = false) => {
      const attributes = { kind, evidence: [], size: 1, color: '#888888' } as never;
      if (undirected) graph.addUndirectedEdgeWithKey(`odd:${kind}:${source}--${target}`, source, target, attributes);
      else graph.addDirectedEdgeWithKey(`odd:${kind}:${source}->${target}`, source, target, attributes);
    };
    // no node's out edges: an undirected stance and an undirected about edge
    edge('stated', 'person:officials', 'claim:c1', true);
    edge('about', 'claim:c3', 'event:breach', true);
    // a claim's stance on a claim (a claim is no speaker), a stance on an entity, a stance on itself
    edge('stated', 'claim:c2', 'claim:c1');
    edge('denied', 'agency:ravenline', 'person:mara-quell');
    edge('questioned', 'media:anchorwire', 'media:anchorwire');
    // two aliases of one name, and a label two entities share
    graph.setNodeAttribute('event:breach', 'aliases', ['crack', 'Crack', 'small breach']);
    graph.setNodeAttribute('media:anchorwire', 'aliases', ['Regional Media']);
    const files = graphFileWithIndex(graph);
    await writeFilesWhole([{ path, data: files.graph }, { path: `${path}.idx`, data: files.index }]);
    mkdirSync(join(dir, 'odd-whole'));
    copyFileSync(path, wholeOdd);
  });

  it('answers every name as the whole graph does, through the index or, for a line it cannot take, the graph', async () => {
    const whole = await loadGraph(wholeOdd);
    const settled = async (rows: () => ClaimRow[] | Promise<ClaimRow[]>) => {
      try {
        return JSON.stringify(await rows());
      } catch (err) {
        return (err as Error).message;
      }
    };
    const read = new Set<string>();
    for (const by of [...whole.graph.nodes(), 'crack', 'regional media', 'breach']) {
      for (const filter of [{}, { about: 'breach' }, { stance: 'stated' as const }]) {
        const found = await claimsFromFile(path, { ...filter, by }).catch(() => undefined);
        if (found) read.add(found.read);
        expect(await settled(async () => (await claimsFromFile(path, { ...filter, by })).rows)).toBe(await settled(() => whole.claims({ ...filter, by })));
      }
    }
    expect([...read].sort()).toEqual(['graph', 'index']);
    // an undirected stance is not the officials' own, nor an undirected about edge their claim's: the index answers
    expect((await claimsFromFile(path, { by: 'person:officials' })).read).toBe('index');
  });
});

describe('an index that does not fit its graph is never used', () => {
  /** A fresh copy of the built graph and its index, to spoil. */
  const copy = (name: string): string => {
    const path = join(dir, name, 'graph.json');
    mkdirSync(join(dir, name));
    copyFileSync(graphPath, path);
    copyFileSync(indexPath, `${path}.idx`);
    return path;
  };
  const expected = async (by: string) => (await loadGraph(wholePath)).claims({ by });
  /** The index is skipped, for the reason given, and the answer is the whole graph's. */
  const skipped = async (path: string, reason: RegExp, by = 'Tessaly Quorne') => {
    const found = await claimsFromFile(path, { by });
    expect(found.read).toBe('graph');
    expect(found.indexProblem).toMatch(reason);
    expect(found.rows).toEqual(await expected(by));
  };
  const newer = (path: string, than: string) => {
    const t = statSync(than).mtime.getTime() / 1000 + 10;
    utimesSync(path, t, t);
  };

  it('uses an intact copy (the test of the others below)', async () => {
    const path = copy('intact');
    newer(`${path}.idx`, path);
    expect((await claimsFromFile(path, { by: 'Tessaly Quorne' })).read).toBe('index');
  });

  it('reads the whole graph, and says nothing, when there is no index', async () => {
    const found = await claimsFromFile(wholePath, { by: 'Tessaly Quorne' });
    expect(found).toEqual({ rows: await expected('Tessaly Quorne'), read: 'graph' });
  });

  it('skips an index left beside a graph written again (another size)', async () => {
    const path = copy('rewritten');
    const graph = await readGraphFile(path);
    writeFileSync(path, JSON.stringify(graph.export()));
    newer(`${path}.idx`, path);
    await skipped(path, /made for a graph file of \d+ bytes, and .* has \d+/);
  });

  it('skips an index older than its graph, even when the size and the first line are the same', async () => {
    const path = copy('touched');
    newer(path, `${path}.idx`);
    await skipped(path, /older than .*graph\.json, which was written again since/);
  });

  it('skips an index whose graph has another first line of the same size', async () => {
    const path = copy('first-line');
    const text = readFileSync(path, 'utf8');
    const first = text.slice(0, text.indexOf('\n'));
    writeFileSync(path, first.replace('"generator":"claimgraph ', '"generator":"claimgrapx ') + text.slice(first.length));
    newer(`${path}.idx`, path);
    await skipped(path, /made for another graph file \(the first line of .* differs\)/);
  });

  it('skips a damaged index: cut short, not an index, another version, or a record or claim that points at other lines', async () => {
    const text = readFileSync(indexPath, 'utf8');
    const spoil = async (name: string, spoilt: string, reason: RegExp) => {
      const path = copy(name);
      writeFileSync(`${path}.idx`, spoilt);
      newer(`${path}.idx`, path);
      await skipped(path, reason);
    };
    await spoil('cut', text.slice(0, Math.floor(text.length / 3)), /ends before|are not the \d+ lines|damaged/);
    await spoil('empty', '', /no header line/);
    await spoil('foreign', '{"notes": true}\n', /not a claimgraph index/);
    await spoil('version', text.replace('"version":2', '"version":7'), /an index of version 7; this claimgraph reads version 2/);
    // the first version's index (its records repeated their claims and documents) is refused, not misread
    await spoil('version-1', text.replace('"version":2', '"version":1'), /an index of version 1; this claimgraph reads version 2/);
    await spoil('names', text.replace(/"names":"[^"]*"/, '"names":"Interpol"'), /written by claimgraph .*, which normalized names otherwise/);
    // a number changed in its last digit: the sizes hold, the span does not
    const nudge = (n: string) => `${n.slice(0, -1)}${(Number(n.at(-1)) + 1) % 10}`;
    // Tessaly Quorne's record, its first edge's span moved: no longer a whole line
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('["person:tessaly-quorne",'));
    expect(at).toBeGreaterThan(0);
    const moved = lines.map((l, i) => (i === at ? l.replace(/^(\["person:tessaly-quorne",\[)(\d+)/, (_m, head: string, n: string) => head + nudge(n)) : l));
    await spoil('moved', moved.join('\n'), /not one line|record of "person:tessaly-quorne" is damaged/);
    // the claim line her record names first, its node's span moved
    const header = JSON.parse(lines[0]!) as Record<'table' | 'buckets' | 'records', { bytes: number }>;
    const claimsAt = lines[0]!.length + 1 + header.table.bytes + header.buckets.bytes + header.records.bytes;
    const claimAt = claimsAt + Number(/^\["person:tessaly-quorne",\[\d+,\d+,(\d+)/.exec(lines[at]!)![1]);
    const claimLine = Buffer.from(text).subarray(claimAt).toString().split('\n', 1)[0]!;
    const claimMoved = text.replace(claimLine, claimLine.replace(/^\[(\d+)/, (_m, n: string) => `[${nudge(n)}`));
    expect(claimMoved).not.toBe(text);
    await spoil('claim-moved', claimMoved, /not one line|not that claim|claim line at \d+ is damaged/);
    // Tessaly Quorne's entity line leads to a record of another speaker (a key of as many letters, so the sizes hold)
    const misled = lines.map((l, i) => (i === at ? l.replace('["person:tessaly-quorne",', '["person:tessaly-quornf",') : l));
    await spoil('misled', misled.join('\n'), /the record of "person:tessaly-quorne" is damaged/);
  });

  it('prints one note on stderr for a stale index, and the whole graph\'s answer on stdout', async () => {
    const path = copy('note');
    newer(path, `${path}.idx`);
    const indexed = await query(path, '--by', 'Tessaly Quorne', '--json');
    const whole = await query(wholePath, '--by', 'Tessaly Quorne', '--json');
    expect(indexed.stdout).toBe(whole.stdout);
    expect(indexed.code).toBe(0);
    expect(indexed.stderr).toBe(`claimgraph query: note: ${path}.idx: older than ${path}, which was written again since; read the whole graph instead\n`);
  });
});

describe('writing over a graph and its index', () => {
  const article = join(dir, 'one', 'pier.txt');
  const other = join(dir, 'one', 'clinic.txt');
  beforeAll(() => {
    mkdirSync(join(dir, 'one'));
    writeFileSync(article, 'Pier Note\n\nThe Lowmarsh port authority said that the pier will reopen in May.\n');
    writeFileSync(other, 'Clinic Note\n\nThe city clinic said on Friday that it would open on Sundays.\n');
  });

  it('a build replaces the index with the graph', async () => {
    const out = join(dir, 'replaced', 'graph.json');
    await build([article], out);
    const first = readFileSync(`${out}.idx`, 'utf8');
    await build([article, other], out);
    expect(readFileSync(`${out}.idx`, 'utf8')).not.toBe(first);
    const files = graphFileWithIndex(await readGraphFile(out));
    expect([...files.graph].join('')).toBe(readFileSync(out, 'utf8'));
    expect([...files.index].join('')).toBe(readFileSync(`${out}.idx`, 'utf8'));
    const found = await claimsFromFile(out, { by: 'city clinic' });
    expect(found.read).toBe('index');
    expect(found.rows.length).toBeGreaterThan(0);
  });

  it('a build through a symbolic link writes the index beside the real file, and a query through the link reads it', async () => {
    const real = join(dir, 'linked', 'real', 'graph.json');
    mkdirSync(join(dir, 'linked', 'real'), { recursive: true });
    // a link to nowhere is refused: this one leads to a file (not a graph, hence --force)
    writeFileSync(real, '{"not": "yet"}');
    const link = join(dir, 'linked', 'graph.json');
    symlinkSync(real, link);
    expect((await cli('build', article, '--out', link, '--quiet', '--no-cache', '--force')).code).toBe(0);
    expect(existsSync(`${real}.idx`)).toBe(true);
    expect(existsSync(`${link}.idx`)).toBe(false);
    expect((await claimsFromFile(link, { by: 'Lowmarsh port authority' })).read).toBe('index');
  });

  it('an export over a graph removes the index it leaves stale, and leaves a file of another program alone', async () => {
    const out = join(dir, 'exported', 'graph.json');
    await build([article], out);
    expect((await cli('export', graphPath, '--format', 'graphml', '--out', out)).code).toBe(0);
    expect(existsSync(`${out}.idx`)).toBe(false);
    writeFileSync(`${out}.idx`, 'my own notes\n');
    expect((await cli('export', graphPath, '--format', 'graphml', '--out', out)).code).toBe(0);
    expect(readFileSync(`${out}.idx`, 'utf8')).toBe('my own notes\n');
  });

  it('a build refuses to replace an index file it did not write, unless --force', async () => {
    const out = join(dir, 'not-ours', 'graph.json');
    mkdirSync(join(dir, 'not-ours'));
    writeFileSync(`${out}.idx`, 'my own notes\n');
    const refused = await cli('build', article, '--out', out, '--quiet', '--no-cache');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out}.idx: not written: the file exists and is not a graph index that claimgraph wrote`);
    expect(existsSync(out)).toBe(false);
    expect((await cli('build', article, '--out', out, '--quiet', '--no-cache', '--force')).code).toBe(0);
    expect(readFileSync(`${out}.idx`, 'utf8')).toMatch(/^\{"format":"claimgraph-index"/);
  });

  afterAll(() => rmSync(join(dir, 'one'), { recursive: true, force: true }));
});
