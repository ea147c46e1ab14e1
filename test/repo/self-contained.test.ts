/**
 * A clone alone must pass `npm test`: no test may read a path outside the repository (such as ../shared, which
 * only the development machines have). Checks every test source for paths that climb out of the clone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** Every .ts file under the jest roots (src, test), without node_modules. */
function testSources(): string[] {
  const files: string[] = [];
  for (const top of ['src', 'test']) {
    for (const entry of readdirSync(join(ROOT, top), { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('node_modules')) files.push(join(entry.parentPath, entry.name));
    }
  }
  return files;
}

/** Files that jest runs or that tests import (src has only *.test.ts and helpers for them). */
const isTestFile = (file: string) => file.startsWith(join(ROOT, 'test') + sep) || /\.test\.ts$|test-helpers\.ts$/.test(file);

/** `join(__dirname, 'a', 'b', ...)` and `resolve(__dirname, ...)` whose arguments are all literals, resolved. */
function literalPathsFromDirname(source: string, fileDir: string): string[] {
  const paths: string[] = [];
  for (const call of source.matchAll(/\b(?:join|resolve)\(\s*__dirname\s*,([^()]*)\)/g)) {
    const parts = [...call[1]!.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
    paths.push(resolve(fileDir, ...parts));
  }
  return paths;
}

test('the path finder sees a climb out of the repository (so the check below can fail)', () => {
  const climbs = literalPathsFromDirname("const X = join(__dirname, '..', '..', '..', 'shared', 'x.xsd');", join(ROOT, 'test', 'export'));
  expect(climbs).toEqual([resolve(ROOT, '..', 'shared', 'x.xsd')]);
});

test('no test reads a path outside the repository (../shared and the like)', () => {
  const outside: string[] = [];
  // this file names ../shared on purpose, in the example above
  for (const file of testSources().filter((f) => isTestFile(f) && f !== __filename)) {
    const source = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    if (/\.\.\/shared\b|['"`]shared\//.test(source)) outside.push(`${where}: names ../shared`);
    for (const path of literalPathsFromDirname(source, dirname(file))) {
      if (relative(ROOT, path).startsWith('..')) outside.push(`${where}: ${path}`);
    }
  }
  expect(outside).toEqual([]);
});
