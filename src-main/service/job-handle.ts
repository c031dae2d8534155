// What long work sees of its job: the import kinds report progress and stop on a cancel without
// knowing how the API keeps jobs.
export interface JobHandle {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number): void;
  /** Throws the clerk-readable refusal when the job was cancelled. */
  check(): void;
  finish(): void;
}
