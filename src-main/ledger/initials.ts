import { pinyin } from 'pinyin-pro';

/** 张三 → zs; surname readings first (曾 is z, 单 is s). Computed once, on write. */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
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
