import { pinyin } from 'pinyin-pro';

// Names repeat a great deal in a township; pinyin-pro costs ~9 µs a name.
const initialsCache = new Map<string, string>();

/** 张三 → zs; surname readings first (曾 is z, 单 is s). Computed once, on write. */
export function nameInitials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (initialsCache.size > 200_000) initialsCache.clear();
    initialsCache.set(name, v);
  }
  return v;
}

/** The two-character pieces of a name, for substring search (a one-character name is its own piece). */
export function nameGrams(name: string): string[] {
  const chars = [...name];
  if (chars.length < 2) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

export const reverse = (s: string) => [...s].reverse().join('');
