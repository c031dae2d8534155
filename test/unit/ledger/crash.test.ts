import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src-main/ledger/open';
import { tempDir } from '../../helpers/ledger';

const dir = tempDir('canbao-crash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a crash in the middle of a large write', () => {
  it('leaves the ledger intact, with none of the unfinished batch visible', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/scripts/crash-writer.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const killedMidway = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('MIDWAY')) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    expect(killedMidway, out).toBe(true);
    await new Promise((r) => child.once('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
    expect(out).not.toContain('FINISHED');

    const db = openLedger(dir);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1000);
    expect(db.prepare("SELECT count(*) FROM persons WHERE created_at = 'second'").pluck().get()).toBe(0);
    // 测试人 has two two-character pieces, 测试 and 试人, kept once for the name.
    expect(db.prepare('SELECT gram FROM name_pieces ORDER BY gram').pluck().all()).toEqual(['测试', '试人']);
    db.close();
  }, 60_000);
});
