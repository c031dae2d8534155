// Password hashes take turns. Each scrypt costs ~50–180 ms of a CPU and 32 MB; a hundred wrong
// logins at once, each hashing on its own, once held every tab 10–15 s. They now run off the
// main thread, at most HASHES_AT_ONCE together (libuv's pool has 4 threads, which the file
// reads share), and the rest wait in order: none is refused for waiting.

/** Hashes running together, at most: the office PC keeps a core for everything else. */
export const HASHES_AT_ONCE = 2;

let running = 0;
let peak = 0;
const waiting: (() => void)[] = [];

/**
 * Runs `job` (a hash, and whatever must be checked just before it) once its turn comes. A job
 * that throws gives its turn up as one that ends does.
 */
export async function inTurn<T>(job: () => Promise<T>): Promise<T> {
  if (running >= HASHES_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  peak = Math.max(peak, running);
  try {
    return await job();
  } finally {
    // The turn passes straight to the next in line, so a newcomer cannot slip in ahead of it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** For the tests and the bench: hashes running now, waiting, and the most at once since the last reset. */
export function hashTurns(): { running: number; waiting: number; peak: number } {
  return { running, waiting: waiting.length, peak };
}

export function resetHashPeak(): void {
  peak = running;
}
