/**
 * Papers in order onto sheets two at a time where both fit half a sheet, else one to a sheet:
 * the indices on each sheet. Order is kept, so a village's households come out as numbered.
 */
export function sheetsOf(heightsMm: readonly number[], halfMm: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < heightsMm.length; i++) {
    const next = i + 1 < heightsMm.length && heightsMm[i]! <= halfMm && heightsMm[i + 1]! <= halfMm;
    out.push(next ? [i, ++i] : [i]);
  }
  return out;
}
