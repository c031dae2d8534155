/** Yields to the event loop every `every` calls, so long loops never hold it for long. */
export function yielder(every: number, onTick?: (n: number) => void): () => Promise<void> {
  let n = 0;
  return async () => {
    n++;
    if (n % every === 0) {
      onTick?.(n);
      await new Promise<void>((r) => setImmediate(r));
    }
  };
}
