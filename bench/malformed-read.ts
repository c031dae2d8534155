// One file of the malformed corpus read as an import reads it, in a process of its own, so
// its time and peak memory are its own. Prints one JSON line.
import fs from 'node:fs';
import { readForImport } from '../src-main/excel/importing';
import { headerWords } from '../src-main/policies/header-words';
import { readTable, TableReadError } from '../src-main/excel/table';

const file = process.argv[2]!;
const t0 = performance.now();
let outcome = 'rows';
let message = '';
let rows = 0;
try {
  await readTable(file, () => void rows++);
  if (!rows) await readForImport(file, { required: ['name'], parse: () => null, words: headerWords() });
} catch (e) {
  outcome = e instanceof TableReadError ? 'refused' : 'raw';
  message = e instanceof Error ? e.message : String(e);
}
const ms = performance.now() - t0;
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
console.log(JSON.stringify({ outcome, rows, ms, peakMb, message }));
