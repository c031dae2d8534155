// Import cycles among the sources, the type-only ones included: eslint's import-x/no-cycle
// skips `import type`, yet a type cycle ties two modules as tightly for a reader (issue 27).
// Static imports and re-exports only: a dynamic import() (a screen loaded on demand) is not a
// load-order tie. `node scripts/cycles.mjs <folder>…` prints each cycle and exits 1 if any.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts)$/;

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(p);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
  for (const p of [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (SOURCE.test(p) && fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  }
  return null;
}

/** Each file's static imports and re-exports (type-only ones too) among the files under `dirs`. */
export function importGraph(dirs) {
  const graph = new Map();
  for (const file of dirs.flatMap((d) => filesUnder(path.resolve(d)))) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const to = new Set();
    for (const s of src.statements) {
      const spec =
        (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : null;
      const target = spec && resolve(file, spec);
      if (target) to.add(target);
    }
    graph.set(file, to);
  }
  return graph;
}

/** The cycles (strongly connected groups of more than one file, or a file importing itself), each as a path round it. */
export function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const groups = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.has(v)) groups.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  // One path round each group, from its first file back to it, for the message.
  return groups.map((group) => {
    const inGroup = new Set(group);
    const start = [...group].sort()[0];
    const seen = new Map([[start, null]]);
    const queue = [start];
    while (queue.length) {
      const v = queue.shift();
      for (const w of graph.get(v)) {
        if (w === start) {
          const round = [v];
          for (let u = seen.get(v); u !== null; u = seen.get(u)) round.unshift(u);
          return [...round, start];
        }
        if (inGroup.has(w) && !seen.has(w)) {
          seen.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start, start];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dirs = process.argv.slice(2);
  const found = cycles(importGraph(dirs));
  for (const c of found) console.error(`import cycle: ${c.map((f) => path.relative(process.cwd(), f)).join(' → ')}`);
  if (found.length) {
    console.error(`${found.length} import cycle(s), type-only imports included: move what both sides need down a layer.`);
    process.exit(1);
  }
  console.log(`no import cycles in ${dirs.join(', ')} (type-only imports included)`);
}
