/**
 * claimgraph sidecar index, reading the file (sidecar-format.ts): its header and buckets once, then lookups in
 * its table a bucket at a time, speaker records and their claims, and the whole table for the rare answer that
 * needs every name; and lines at byte spans, of the index or of its graph file.
 * With load.ts and indexed.ts, the places in src/query that read files; nothing here trusts what it reads
 * without checking its shape (a damaged index raises SidecarMismatch, and is not used).
 */
import type { FileHandle } from 'node:fs/promises';
import {
  bucketOf,
  documentOfLine,
  entityOfLine,
  isBucket,
  isTableLine,
  LOOKUP,
  nameOfLine,
  parseLine,
  parseSidecarHeader,
  parseClaimRecord,
  parseSpeakerRecord,
  SidecarMismatch,
  type ClaimRecord,
  type DocumentRow,
  type EntityRow,
  type SidecarHeader,
  type Span,
  type SpeakerRecord,
} from './sidecar-format';

/** A header line is short; a longer first line is no header of ours. */
const MAX_FIRST_LINE = 1 << 20;

/** Lines closer than this are read in one piece: one read of a few pages beats many reads of one line. */
const READ_GAP = 1 << 16;

/** `length` bytes at `offset`, or a mismatch when the file ends before them. */
export async function readBytes(file: FileHandle, offset: number, length: number, what: string): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, offset + done);
    if (bytesRead === 0) throw new SidecarMismatch(`${what} ends before a line the index names`);
    done += bytesRead;
  }
  return buffer;
}

/** A file's first line with its line break (bytes), read a block at a time; undefined when it has none that short. */
export async function firstLine(file: FileHandle): Promise<Buffer | undefined> {
  const blocks: Buffer[] = [];
  for (let offset = 0; offset < MAX_FIRST_LINE; ) {
    const block = Buffer.alloc(1 << 16);
    const { bytesRead } = await file.read(block, 0, block.length, offset);
    const end = block.subarray(0, bytesRead).indexOf(0x0a);
    blocks.push(block.subarray(0, end >= 0 ? end + 1 : bytesRead));
    if (end >= 0) return Buffer.concat(blocks);
    if (bytesRead === 0) return undefined;
    offset += bytesRead;
  }
  return undefined;
}

/** The lines of bytes that end with a line break, or a mismatch when they are not `count`. */
function linesOf(bytes: Buffer, count: number | undefined, what: string): string[] {
  const lines = bytes.toString('utf8').split('\n');
  if (lines.pop() !== '' || (count !== undefined && lines.length !== count)) throw new SidecarMismatch(`${what} are not the lines the header says`);
  return lines;
}

/**
 * The lines of `file` at `spans` (offsets from `base`), each without its line break, by offset. Each span must
 * be one whole line, not the file's first: a line break before it and at its end. Spans close together are
 * read in one piece.
 */
export async function readLines(file: FileHandle, spans: Span[], what: string, base = 0): Promise<Map<number, string>> {
  const sorted = [...new Map(spans.map((s) => [s[0], s])).values()].sort((a, b) => a[0] - b[0]);
  const lines = new Map<number, string>();
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    let end = sorted[i]![0] + sorted[i]![1];
    while (j < sorted.length && sorted[j]![0] - end <= READ_GAP) end = Math.max(end, sorted[j]![0] + sorted[j++]![1]);
    const from = base + sorted[i]![0] - 1;
    if (from < 0) throw new SidecarMismatch(`it names the first line of ${what} as a part`);
    const block = await readBytes(file, from, base + end - from, what);
    for (const [offset, length] of sorted.slice(i, j)) {
      const at = base + offset - from;
      if (length < 1 || block[at - 1] !== 0x0a || block[at + length - 1] !== 0x0a) throw new SidecarMismatch(`the bytes at ${base + offset} of ${what} are not one line`);
      lines.set(offset, block.toString('utf8', at, at + length - 1));
    }
    i = j;
  }
  return lines;
}

type TableLine = [string, ...unknown[]];

function tableLine(line: string): TableLine {
  const v = parseLine(line);
  if (!isTableLine(v)) throw new SidecarMismatch('a line of its table is damaged');
  return v;
}

export class SidecarFile {
  /** parsed buckets of the table, by their number: a query looks up a few names */
  private readonly cache = new Map<number, TableLine[]>();

  private constructor(
    private readonly file: FileHandle,
    readonly header: SidecarHeader,
    /** where the table starts: after the header */
    private readonly tableAt: number,
    /** where each bucket of the table starts, in the table */
    private readonly buckets: number[],
  ) {}

  /** Reads the header and the buckets; a mismatch when they are not an index this claimgraph reads. */
  static async open(file: FileHandle): Promise<SidecarFile> {
    const first = await firstLine(file);
    const header = first === undefined ? 'no header line' : parseSidecarHeader(first.toString('utf8').trimEnd());
    if (typeof header === 'string') throw new SidecarMismatch(header);
    const tableAt = first!.length;
    const bytes = await readBytes(file, tableAt + header.table.bytes, header.buckets.bytes, 'the index');
    const buckets = linesOf(bytes, header.buckets.count, 'its buckets').map((line) => {
      const v = parseLine(line);
      if (!isBucket(v) || v > header.table.bytes) throw new SidecarMismatch('a line of its buckets is damaged');
      return v;
    });
    if (buckets[0] !== 0 || buckets.some((at, i) => i > 0 && at < buckets[i - 1]!)) throw new SidecarMismatch('its buckets are out of order');
    return new SidecarFile(file, header, tableAt, buckets);
  }

  stat() {
    return this.file.stat();
  }

  /** The table's lines of `lookup`, found in the one bucket they may lie in, in the order they were written. */
  async lookup(lookup: string): Promise<TableLine[]> {
    return (await this.bucket(bucketOf(lookup, this.buckets.length))).filter((line) => line[0] === lookup);
  }

  private async bucket(i: number): Promise<TableLine[]> {
    const cached = this.cache.get(i);
    if (cached) return cached;
    const from = this.buckets[i]!;
    const to = this.buckets[i + 1] ?? this.header.table.bytes;
    const lines = to === from ? [] : linesOf(await readBytes(this.file, this.tableAt + from, to - from, 'the index'), undefined, 'its table\'s lines').map(tableLine);
    this.cache.set(i, lines);
    return lines;
  }

  async entity(key: string): Promise<EntityRow | undefined> {
    const line = await this.unique(LOOKUP.entity + key);
    return line && (entityOfLine(line) ?? damaged(`entity "${key}"`));
  }

  async document(id: string): Promise<DocumentRow | undefined> {
    const line = await this.unique(LOOKUP.document + id);
    return line && (documentOfLine(line) ?? damaged(`document "${id}"`));
  }

  /** The keys (or document ids) that bear a normalized name, under a label, alias or document-name prefix: a line each, in graph order. */
  async named(prefix: string, name: string): Promise<string[]> {
    return (await this.lookup(prefix + name)).map((line) => nameOfLine(line) ?? damaged(`name "${name}"`));
  }

  /** The one line of a key or id. */
  private async unique(lookup: string): Promise<TableLine | undefined> {
    const [line, more] = await this.lookup(lookup);
    if (more !== undefined) damaged(`"${lookup.slice(2)}", which it lists twice`);
    return line;
  }

  /** Every entity and document: the whole table, for an answer that needs every name. */
  async all(): Promise<{ entities: EntityRow[]; documents: DocumentRow[] }> {
    const bytes = await readBytes(this.file, this.tableAt, this.header.table.bytes, 'the index');
    const entities: EntityRow[] = [];
    const documents: DocumentRow[] = [];
    for (const line of linesOf(bytes, this.header.table.count, 'its table\'s lines').map(tableLine)) {
      if (line[0].startsWith(LOOKUP.entity)) entities.push(entityOfLine(line) ?? damaged(line[0]));
      else if (line[0].startsWith(LOOKUP.document)) documents.push(documentOfLine(line) ?? damaged(line[0]));
    }
    return { entities, documents };
  }

  /** The speaker's record; an empty one for an entity that made no claim. */
  async record(entity: EntityRow): Promise<SpeakerRecord> {
    if (entity.record === undefined) return { speaker: entity.key, attributions: [], documents: [] };
    const [offset, length] = entity.record;
    if (offset + length > this.header.records.bytes) throw new SidecarMismatch(`the record of "${entity.key}" lies outside its records`);
    const bytes = await readBytes(this.file, this.recordsAt() + offset, length, 'the index');
    const record = bytes.at(-1) === 0x0a ? parseSpeakerRecord(bytes.toString('utf8', 0, bytes.length - 1)) : undefined;
    if (record?.speaker !== entity.key) throw new SidecarMismatch(`the record of "${entity.key}" is damaged`);
    return record;
  }

  /** The claims' lines at `spans` (a record's), by offset among the claims. */
  async claims(spans: Span[]): Promise<Map<number, ClaimRecord>> {
    if (spans.some(([offset, length]) => offset + length > this.header.claims.bytes)) throw new SidecarMismatch('a record names a claim outside its claims');
    const lines = await readLines(this.file, spans, 'the index', this.recordsAt() + this.header.records.bytes);
    const claim = (offset: number, line: string): ClaimRecord => {
      const parsed = parseClaimRecord(line);
      if (parsed === undefined) throw new SidecarMismatch(`its claim line at ${offset} is damaged`);
      return parsed;
    };
    return new Map([...lines].map(([offset, line]) => [offset, claim(offset, line)]));
  }

  /** Where the records start: after the header, the table and the buckets. */
  private recordsAt(): number {
    return this.tableAt + this.header.table.bytes + this.header.buckets.bytes;
  }
}

function damaged(what: string): never {
  throw new SidecarMismatch(`its table's line for ${what} is damaged`);
}
