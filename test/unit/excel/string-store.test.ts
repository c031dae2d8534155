import { describe, expect, it } from 'vitest';
import { StringStore } from '../../../src-main/excel/string-store';

describe('the shared strings store', () => {
  it('gives back every string as stored, past its first buffer and past the decoded ones', () => {
    const store = new StringStore();
    const strings = Array.from({ length: 200_000 }, (_, i) =>
      i % 3 === 0 ? `欧阳${i}娜𠀋` : i % 3 === 1 ? `5002351988${String(i).padStart(8, '0')}` : i % 7 ? '' : 'A&B <1>',
    );
    for (const s of strings) store.push(s);
    expect(store.length).toBe(200_000);
    for (const i of [0, 1, 2, 4095, 4096, 4097, 65_535, 65_536, 199_999]) expect(store.get(i)).toBe(strings[i]);
    expect(store.toArray()).toEqual(strings);
  });

  it('answers undefined outside its range', () => {
    const store = new StringStore();
    store.push('张三');
    for (const i of [-1, 1, 1.5, Number.NaN]) expect(store.get(i)).toBeUndefined();
  });
});
