/**
 * claimgraph sidecar index, reading the file (sidecar-format.ts): its header and blocks once, then lookups in its
 * table a block at a time, speaker records, and the whole table for the rare answer that needs every name.
 * With load.ts and indexed.ts, the places in src/query that read files; nothing here trusts what it reads
 * without checking its shape (a damaged index raises SidecarMismatch, and is not used).
 */
import type { FileHandle } from 'node:fs/promises';
import { compareStrings } from './refs';
import {
  documentOfLine,
  entityOfLine,
  isBlock,
  isTableLine,
  LOOKUP,
  namesOfLine,
  parseLine,
  parseSidecarHeader,
  parseSpeakerRecord,
  SidecarMismatch,
  type DocumentRow,
  type EntityRow,
  type SidecarHeader,
  type SpeakerRecord,
} from './sidecar-format';

/** A header line is short; a longer first line is no header of ours. */
const MAX_FIRST_LINE = 1 << 20;

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

type TableLine = [string, ...unknown[]];

function tableLine(line: string): TableLine {
  const v = parseLine(line);
  if (!isTableLine(v)) throw new SidecarMismatch('a line of its table is damaged');
  return v;
}

export class SidecarFile {
  /** parsed blocks of the table, by their number: a query looks up a few names, often in one block */
  private readonly cache = new Map<number, TableLine[]>();

  private constructor(
    private readonly file: FileHandle,
    readonly header: SidecarHeader,
    /** where the table starts: after the header */
    private readonly tableAt: number,
    /** the table's blocks, [first lookup, offset in the table] */
    private readonly blocks: [string, number][],
  ) {}

  /** Reads the header and the blocks; a mismatch when they are not an index this claimgraph reads. */
  static async open(file: FileHandle): Promise<SidecarFile> {
    const first = await firstLine(file);
    const header = first === undefined ? 'no header line' : parseSidecarHeader(first.toString('utf8').trimEnd());
    if (typeof header === 'string') throw new SidecarMismatch(header);
    const tableAt = first!.length;
    const bytes = await readBytes(file, tableAt + header.table.bytes, header.blocks.bytes, 'the index');
    const blocks = linesOf(bytes, header.blocks.count, 'its blocks').map((line) => {
      const v = parseLine(line);
      if (!isBlock(v) || v[1] >= header.table.bytes) throw new SidecarMismatch('a line of its blocks is damaged');
      return v;
    });
    if (header.table.count > 0 && blocks[0]?.[1] !== 0) throw new SidecarMismatch('its blocks do not start at its table');
    return new SidecarFile(file, header, tableAt, blocks);
  }

  stat() {
    return this.file.stat();
  }

  /** The table's line for `lookup`, found in the one block it may lie in. */
  async lookup(lookup: string): Promise<TableLine | undefined> {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareStrings(this.blocks[mid]![0], lookup) <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    return (await this.block(lo - 1)).find((line) => line[0] === lookup);
  }

  private async block(i: number): Promise<TableLine[]> {
    const cached = this.cache.get(i);
    if (cached) return cached;
    const from = this.blocks[i]![1];
    const to = this.blocks[i + 1]?.[1] ?? this.header.table.bytes;
    if (to <= from) throw new SidecarMismatch('its blocks are out of order');
    const lines = linesOf(await readBytes(this.file, this.tableAt + from, to - from, 'the index'), undefined, 'its table\'s lines').map(tableLine);
    this.cache.set(i, lines);
    return lines;
  }

  async entity(key: string): Promise<EntityRow | undefined> {
    const line = await this.lookup(LOOKUP.entity + key);
    return line && (entityOfLine(line) ?? damaged(`entity "${key}"`));
  }

  async document(id: string): Promise<DocumentRow | undefined> {
    const line = await this.lookup(LOOKUP.document + id);
    return line && (documentOfLine(line) ?? damaged(`document "${id}"`));
  }

  /** The keys (or document ids) that bear a normalized name, under a label, alias or document-name prefix. */
  async named(prefix: string, name: string): Promise<string[]> {
    const line = await this.lookup(prefix + name);
    return line ? (namesOfLine(line) ?? damaged(`name "${name}"`)) : [];
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
    if (entity.record === undefined) return { speaker: entity.key, claims: [], about: [], documents: [] };
    const [offset, length] = entity.record;
    const at = this.tableAt + this.header.table.bytes + this.header.blocks.bytes + offset;
    if (offset + length > this.header.records.bytes) throw new SidecarMismatch(`the record of "${entity.key}" lies outside its records`);
    const bytes = await readBytes(this.file, at, length, 'the index');
    const record = bytes.at(-1) === 0x0a ? parseSpeakerRecord(bytes.toString('utf8', 0, bytes.length - 1)) : undefined;
    if (record?.speaker !== entity.key) throw new SidecarMismatch(`the record of "${entity.key}" is damaged`);
    return record;
  }
}

function damaged(what: string): never {
  throw new SidecarMismatch(`its table's line for ${what} is damaged`);
}
