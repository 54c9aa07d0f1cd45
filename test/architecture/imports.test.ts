import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** What a file imports: project files (resolved) and packages, type-only imports included. */
function importsOf(file: string): { files: string[]; packages: string[] } {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const files: string[] = [];
  const packages: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) {
      packages.push(fileName);
      continue;
    }
    const base = resolve(dirname(file), fileName);
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && statSync(candidate, { throwIfNoEntry: false })?.isFile());
    if (found) files.push(found);
  }
  return { files, packages };
}

const graph = new Map(sourceFiles(SRC).map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(ROOT, file);

describe('The shape of the code', () => {
  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const path: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'visiting');
      path.push(file);
      for (const next of graph.get(file)?.files ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...path.slice(path.indexOf(next)), next].map(name).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('keeps the core free of platforms, HTTP and backends: it imports only itself and plain libraries', () => {
    const core = join(SRC, 'core');
    const platformPackages = /^(botbuilder|botframework-|@slack\/|restify|@azure\/|better-sqlite3|adaptivecards)/;
    const problems = [...graph]
      .filter(([file]) => file.startsWith(core))
      .flatMap(([file, { files, packages }]) => [
        ...files.filter((f) => !f.startsWith(core)).map((f) => `${name(file)} imports ${name(f)}`),
        ...packages.filter((p) => platformPackages.test(p)).map((p) => `${name(file)} imports ${p}`),
      ]);
    assert.deepEqual(problems, []);
  });
});
