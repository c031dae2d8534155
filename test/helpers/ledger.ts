import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch, handlers, type Context } from '../../src-main/api/index';
import type { ApiInput, ApiName, ApiOutput, Result } from '../../src-main/api/contract';
import { verifyAudit } from '../../src-main/ledger/audit';
import { openLedger } from '../../src-main/ledger/open';
import { sourceImportWorker } from '../../src-main/imports/worker-run';
import { Sessions } from '../../src-main/service/sessions';
import { bundledTables } from '../../src-main/policies/county-tables';
import { policies } from './policies';

export function tempDir(prefix = 'canbao-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Fresh folders for a test file, each removed by `cleanup` (call it in afterEach). */
export function tempDirs(): { fresh: () => string; cleanup: () => void } {
  const dirs: string[] = [];
  return {
    fresh: () => {
      const d = tempDir();
      dirs.push(d);
      return d;
    },
    cleanup: () => {
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

export interface TestLedger {
  ctx: Context;
  call<K extends ApiName>(name: K, arg: ApiInput<K>): Promise<Result<ApiOutput<K>>>;
  /** Calls and unwraps, failing the test with the Chinese message when the call is refused. */
  ok<K extends ApiName>(name: K, arg: ApiInput<K>): Promise<ApiOutput<K>>;
  close(): void;
}

/** A real ledger in a fresh temporary folder (or one given: a small disk), with "today" pinned. */
export function openTestLedger(today = '2023-11-01T02:00:00Z', dataDir = tempDir()): TestLedger {
  const db = openLedger(dataDir);
  const ctx: Context = {
    db,
    dataDir,
    now: () => new Date(today),
    policies,
    sessions: new Sessions(),
    startupAudit: verifyAudit(db),
    readOnly: null,
    importWorker: sourceImportWorker(),
    // A test of a county's own edit points this at tables of its own (countyTables(dir)).
    tables: bundledTables(),
  };
  const call = <K extends ApiName>(name: K, arg: ApiInput<K>) => dispatch(handlers, ctx, name, arg) as Promise<Result<ApiOutput<K>>>;
  return {
    ctx,
    call,
    async ok(name, arg) {
      const r = await call(name, arg);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.message}`);
      return r.value;
    },
    close() {
      ctx.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
