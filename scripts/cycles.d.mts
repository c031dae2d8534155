/** Each file's static imports and re-exports (type-only ones too) among the files under `dirs`. */
export function importGraph(dirs: string[]): Map<string, Set<string>>;
/** The cycles, each as a path round it from its first file back to it. */
export function cycles(graph: Map<string, Set<string>>): string[][];
