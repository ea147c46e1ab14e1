/**
 * A small reader of Cypher scripts for the export tests, written from the Cypher manual rather than from the
 * writer: it splits statements as cypher-shell does (on ";" outside strings and comments) and reads literals.
 */

export type CypherLiteral = string | number | boolean | null | CypherLiteral[] | { [name: string]: CypherLiteral };

/** Splits a script into statements: ";" ends one unless it is inside a string, a backtick name or a // comment. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === '/' && script[i + 1] === '/') {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end;
      current += '\n';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < script.length && script[j] !== c) j += c !== '`' && script[j] === '\\' ? 2 : 1;
      if (j >= script.length) throw new Error(`unterminated ${c} at ${i}`);
      current += script.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) throw new Error(`statement without a closing ";": ${current.trim().slice(0, 80)}`);
  return statements;
}

const ESCAPES: Readonly<Record<string, string>> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', "'": "'", '"': '"', '\\': '\\' };

/** Reads one Cypher literal (string, number, boolean, null, list or map) starting at `start`. */
export function readLiteral(text: string, start: number): { value: CypherLiteral; end: number } {
  let i = start;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const readName = (): string => {
    if (text[i] === '`') {
      let name = '';
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated name');
        if (text[i] === '`') {
          if (text[i + 1] === '`') { name += '`'; i += 2; continue; }
          i++;
          return name;
        }
        name += text[i++];
      }
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 200));
    if (!match) return fail('expected a name');
    i += match[0].length;
    return match[0];
  };
  const readString = (): string => {
    const quote = text[i++];
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i++]!;
      if (c === quote) return out;
      if (c !== '\\') { out += c; continue; }
      const e = text[i++]!;
      if (e === 'u') { out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16)); i += 4; continue; }
      if (e === 'U') { out += String.fromCodePoint(parseInt(text.slice(i, i + 8), 16)); i += 8; continue; }
      const plain = ESCAPES[e];
      if (plain === undefined) fail(`unknown escape \\${e}`);
      out += plain;
    }
  };
  const readValue = (): CypherLiteral => {
    skipSpace();
    const c = text[i];
    if (c === '"' || c === "'") return readString();
    if (c === '[') {
      i++;
      const list: CypherLiteral[] = [];
      skipSpace();
      if (text[i] === ']') { i++; return list; }
      for (;;) {
        list.push(readValue());
        skipSpace();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return list; }
        fail('expected , or ]');
      }
    }
    if (c === '{') {
      i++;
      const map: { [name: string]: CypherLiteral } = {};
      skipSpace();
      if (text[i] === '}') { i++; return map; }
      for (;;) {
        skipSpace();
        const name = readName();
        skipSpace();
        if (text[i++] !== ':') fail('expected :');
        if (Object.hasOwn(map, name)) fail(`property ${name} given twice`);
        map[name] = readValue();
        skipSpace();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return map; }
        fail('expected , or }');
      }
    }
    const number = /^-?(?:\d+\.\d+|\d+|\.\d+)(?:[eE]-?\d+)?/.exec(text.slice(i, i + 40));
    if (number) { i += number[0].length; return Number(number[0]); }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.slice(i, i + word.length).toLowerCase() === word) { i += word.length; return value; }
    }
    return fail('expected a literal');
  };
  const value = readValue();
  return { value, end: i };
}

/** An `UNWIND [rows] AS row <rest>` statement, read: the rows and what is done with each. */
export function readUnwind(statement: string): { rows: CypherLiteral[]; rest: string } | undefined {
  if (!statement.startsWith('UNWIND ')) return undefined;
  const { value, end } = readLiteral(statement, 'UNWIND '.length);
  const rest = statement.slice(end).trim();
  if (!Array.isArray(value) || !rest.startsWith('AS row')) throw new Error(`not an UNWIND of a list: ${statement.slice(0, 80)}`);
  return { rows: value, rest: rest.slice('AS row'.length).trim() };
}
