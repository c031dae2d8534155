// A small real filesystem for the full-disk tests: a tmpfs mounted for the test file (root only;
// elsewhere `mounted` is false and the tests skip with a message).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function smallDisk(prefix: string, size = '600m'): { dir: string; mounted: boolean; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    mounted = true;
  } catch {
    // not root: the caller skips
  }
  return {
    dir,
    mounted,
    remove: () => {
      if (mounted) execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
