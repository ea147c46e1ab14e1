/**
 * Fuzzing the build: `npm run fuzz -- N [--seed S] [--timeout-ms MS] [--threads T]` builds N random documents (random Unicode,
 * control characters, tabs and hard wraps, unbalanced quotes, huge tokens, deep HTML, invalid bytes), each in a
 * worker thread with a bounded time, and reports three figures: crashes (a stage threw, or a reader or extraction
 * failed as a bug), hangs (over the time limit, 10 s by default) and evidence spans that are empty or out of
 * bounds. Exits 1 when any figure is not 0. The same generator, with a small N, runs in `npm test`.
 */
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import { join } from 'node:path';
// the same seed gives the same documents on every machine
import { seededRandom as random } from '../src/claims/model/train';

/** Words and marks that wake up the extraction stages. */
const TRIGGERS = ['ESA', 'Dr. Ada Lin', 'the agency', 'said', 'told reporters', 'according to', 'denied that', 'questioned whether', 'confirmed',
  'he', 'she', 'they', 'officials', 'a source', '"', '“', '”', "'", '‘', '’', '.', ',', ':', 'that', 'U.S.', 'Sept.', 'p.m.', '2024-01-02',
  'Oct. 4, 2018', 'The Harbor Gazette', 'Mayor Ines Kalder', 'Acme Corp.', 'reported', 'by', '(', ')', '—', '…'];

export interface FuzzDocument {
  name: string;
  bytes: Uint8Array;
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (rand: Rand, max: number) => Math.floor(rand() * (max + 1));

/** One random character: ASCII, any BMP code unit (lone surrogates included), an astral one, or a control. */
function randomChar(rand: Rand): string {
  const r = rand();
  if (r < 0.5) return String.fromCharCode(32 + int(rand, 94));
  if (r < 0.7) return String.fromCharCode(int(rand, 0xffff));
  if (r < 0.8) return String.fromCodePoint(0x10000 + int(rand, 0x10ffff - 0x10000));
  if (r < 0.9) return String.fromCharCode(1 + int(rand, 30)); // NUL makes a file binary: randomBytes adds it, rarely
  return pick(rand, ['\t', '\n', '\r\n', '\u00a0', '\u200b', '\u2028', '\u202e', '\u0301', '\ufeff']);
}

/** Prose-like text: triggers, random words and characters, wrapped at a random width with random line ends. */
function randomText(rand: Rand): string {
  const parts: string[] = [];
  const count = int(rand, 400);
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.5) parts.push(pick(rand, TRIGGERS));
    else if (r < 0.8) parts.push(Array.from({ length: 1 + int(rand, 9) }, () => String.fromCharCode(97 + int(rand, 25))).join(''));
    else parts.push(Array.from({ length: 1 + int(rand, 6) }, () => randomChar(rand)).join(''));
  }
  // a huge token in one document of ten: some under the word limit, most over it
  if (rand() < 0.1) parts.splice(int(rand, parts.length), 0, pick(rand, ['x', 'ab.', '-', 'é']).repeat(200 + int(rand, 4000)));
  const separator = () => pick(rand, [' ', ' ', ' ', ' ', '\t', '  ', '\n', '\n\n', '\r\n']);
  let text = parts.map((p) => p + separator()).join('');
  if (rand() < 0.4) {
    // hard wraps at a random width, as a mail client or an editor writes them
    const width = 20 + int(rand, 60);
    text = text.replace(new RegExp(`(.{${width}}) `, 'g'), `$1${rand() < 0.2 ? '\r\n' : '\n'}`);
  }
  // one document in a hundred is large (0.5 to 2 MB), to catch work that grows faster than the text
  if (rand() < 0.01) text = text.repeat(Math.ceil((512 * 1024 + int(rand, 1536 * 1024)) / Math.max(1, text.length)));
  return `${pick(rand, ['Title', '# Heading', '', 'Agency Says “Nothing', 'By Jane Doe'])}\n\n${text}`;
}

/** An HTML page around random text: sometimes nested very deep, sometimes with ads, asides or no article. */
function randomHtml(rand: Rand): string {
  const body = randomText(rand).split(/\n\n+/).map((p) => `<p>${p}</p>`).join('');
  const depth = rand() < 0.3 ? int(rand, 20_000) : int(rand, 30);
  const open = Array.from({ length: depth }, () => `<${pick(rand, ['div', 'section', 'span', 'b'])}>`).join('');
  const ad = rand() < 0.3 ? '<div class="ad">ADVERTISEMENT — buy now</div><aside>Related: more</aside>' : '';
  const close = rand() < 0.8 ? '</div>'.repeat(depth) : '';
  return `<!doctype html><html><head><title>${randomText(rand).slice(0, 40)}</title></head><body><article>${open}${body}${ad}${close}</article></body></html>`;
}

/** Bytes of `text`, sometimes with invalid UTF-8, a byte-order mark or a NUL spliced in. */
function randomBytes(rand: Rand, text: string): Uint8Array {
  let bytes: Uint8Array = Buffer.from(text, 'utf8');
  const r = rand();
  if (r < 0.1) {
    const at = int(rand, bytes.length);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([pick(rand, [0x80, 0xc3, 0xe9, 0xff, 0xfe, 0x00])]), bytes.subarray(at)]);
  } else if (r < 0.15) {
    bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  } else if (r < 0.18) {
    bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
  return bytes;
}

/** Document number `index` of the run with `seed`: the same pair always gives the same bytes. */
export function fuzzDocument(seed: number, index: number): FuzzDocument {
  const rand = random(seed * 1_000_003 + index);
  const kind = pick(rand, ['txt', 'md', 'html'] as const);
  const text = kind === 'html' ? randomHtml(rand) : randomText(rand);
  return { name: `fuzz-${index}.${kind}`, bytes: randomBytes(rand, text) };
}

export interface FuzzReport {
  documents: number;
  crashes: { name: string; reason: string }[];
  hangs: string[];
  badSpans: { name: string; reason: string }[];
  /** inputs refused with a named reason (too deep, binary, ...): expected, counted for information */
  refused: number;
}

/** What a worker says of one document. */
interface Outcome {
  crash?: string;
  badSpans: string[];
  refused: boolean;
}

/** The worker's code: loads the pipeline through ts-node once, then builds each document it is sent. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
process.env.TS_NODE_PROJECT = workerData.tsconfig;
require(workerData.tsnode);
const { buildFromSources } = require(workerData.pipeline);
const BUG = /^(extraction failed|reading failed):/;
// warm up (the nlp model, linkedom), so that start-up time never counts against a document's limit
buildFromSources([
  { file: 'warm.txt', bytes: Buffer.from('Title\\n\\nESA said that the station was fine.') },
  { file: 'warm-page.html', bytes: Buffer.from('<html><head><title>T</title></head><body><article><p>ESA said on Monday that the station was fine and that the crew was safe.</p></article></body></html>') },
]);
parentPort.postMessage('ready');
parentPort.on('message', ({ name, bytes }) => {
  const outcome = { badSpans: [], refused: false };
  try {
    const { graph, documents, errors } = buildFromSources([{ file: name, bytes }], { layout: { iterations: 2 } });
    for (const e of errors) {
      if (BUG.test(e.reason)) outcome.crash = e.reason;
      else outcome.refused = true;
    }
    const length = new Map(documents.map((d) => [d.id, d.text.length]));
    const check = (where, evidence) => {
      for (const ev of evidence || []) {
        const n = length.get(ev.doc);
        if (n === undefined) outcome.badSpans.push(where + ': unknown document ' + ev.doc);
        else if (!(Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.start >= 0 && ev.end <= n)) outcome.badSpans.push(where + ': [' + ev.start + ', ' + ev.end + ') outside 0..' + n);
        else if (ev.end <= ev.start) outcome.badSpans.push(where + ': empty span at ' + ev.start);
      }
    };
    graph.forEachNode((key, a) => check('node ' + key, a.evidence));
    graph.forEachEdge((key, a) => check('edge ' + key, a.evidence));
  } catch (err) {
    outcome.crash = 'threw: ' + (err && err.message ? err.message : String(err));
  }
  parentPort.postMessage(outcome);
});
`;

/** One worker thread and the document it is on; replaced when a document hangs it. */
async function startWorker(): Promise<Worker> {
  const root = join(__dirname, '..');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { tsconfig: join(root, 'tsconfig.json'), tsnode: require.resolve('ts-node/register/transpile-only'), pipeline: join(root, 'src', 'pipeline', 'build-from-sources.ts') },
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.removeAllListeners('error');
  return worker;
}

/** Builds `count` documents on `threads` workers, each with `timeoutMs` to finish. */
export async function runFuzz(count: number, options: { seed?: number; timeoutMs?: number; threads?: number; onDone?: (done: number) => void } = {}): Promise<FuzzReport> {
  const seed = options.seed ?? 1;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const report: FuzzReport = { documents: count, crashes: [], hangs: [], badSpans: [], refused: 0 };
  let next = 0;
  let done = 0;
  const lane = async () => {
    let worker = await startWorker();
    while (next < count) {
      const doc = fuzzDocument(seed, next++);
      const outcome = await new Promise<Outcome | 'hang'>((resolve) => {
        const timer = setTimeout(() => resolve('hang'), timeoutMs);
        worker.once('message', (o: Outcome) => {
          clearTimeout(timer);
          resolve(o);
        });
        worker.once('error', (err) => {
          clearTimeout(timer);
          resolve({ crash: `worker died: ${err.message}`, badSpans: [], refused: false });
        });
        worker.postMessage(doc);
      });
      if (outcome === 'hang') {
        report.hangs.push(doc.name);
        await worker.terminate();
        worker = await startWorker();
      } else {
        if (outcome.crash) {
          report.crashes.push({ name: doc.name, reason: outcome.crash });
          if (outcome.crash.startsWith('worker died')) worker = await startWorker();
        }
        for (const reason of outcome.badSpans) report.badSpans.push({ name: doc.name, reason });
        if (outcome.refused) report.refused++;
      }
      worker.removeAllListeners('message').removeAllListeners('error');
      options.onDone?.(++done);
    }
    await worker.terminate();
  };
  await Promise.all(Array.from({ length: options.threads ?? Math.max(1, Math.min(2, cpus().length - 1)) }, lane));
  return report;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args.splice(i, 2)[1]) : undefined;
  };
  const seed = flag('--seed') ?? 1;
  const timeoutMs = flag('--timeout-ms') ?? 10_000;
  // one thread by default: the limit is wall-clock time, and two builds sharing two cores each take twice as long
  const threads = flag('--threads') ?? 1;
  const count = Number(args[0] ?? 100);
  if (!Number.isInteger(count) || count < 1) throw new Error(`usage: npm run fuzz -- N [--seed S] [--timeout-ms MS] [--threads T] (N: "${args[0]}" is not a count)`);
  const t0 = Date.now();
  const report = await runFuzz(count, {
    seed,
    timeoutMs,
    threads,
    onDone: (n) => n % 500 === 0 && process.stderr.write(`fuzz: ${n}/${count} in ${Math.round((Date.now() - t0) / 1000)} s\n`),
  });
  for (const c of report.crashes.slice(0, 20)) process.stdout.write(`crash: ${c.name}: ${JSON.stringify(c.reason)}\n`);
  for (const h of report.hangs.slice(0, 20)) process.stdout.write(`hang: ${h}\n`);
  for (const b of report.badSpans.slice(0, 20)) process.stdout.write(`bad span: ${b.name}: ${b.reason}\n`);
  process.stdout.write(
    `fuzz: ${count} documents (seed ${seed}, ${timeoutMs} ms each at most) in ${Math.round((Date.now() - t0) / 1000)} s: ` +
      `${report.crashes.length} crashes, ${report.hangs.length} hangs, ${report.badSpans.length} empty or out-of-bounds evidence spans (${report.refused} refused with a named reason)\n`,
  );
  process.exitCode = report.crashes.length || report.hangs.length || report.badSpans.length ? 1 : 0;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
}
