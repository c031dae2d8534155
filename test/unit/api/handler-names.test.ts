// A handler's name says its file: every key of api/<area>.ts starts with `<area>.` (a plural
// file name is fine: import.* in imports.ts), so `invoke('x.y')` leads to api/x.ts or api/xs.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/api/index';

const API = path.resolve('src-main/api');
const isHandler = (v: unknown) => typeof v === 'object' && v !== null && 'kind' in v && 'who' in v && 'run' in v;

describe('handler names', () => {
  it('start with the name of the file that holds them', async () => {
    const seen = new Set<string>();
    for (const file of fs.readdirSync(API).filter((f) => f.endsWith('.ts'))) {
      const area = file.replace(/\.ts$/, '');
      const mod = (await import(path.join(API, file))) as Record<string, unknown>;
      for (const [exported, value] of Object.entries(mod)) {
        if (!exported.endsWith('Handlers') || typeof value !== 'object' || value === null) continue;
        for (const [name, h] of Object.entries(value)) {
          if (!isHandler(h)) continue;
          const prefix = name.split('.')[0]!;
          expect([area, area.replace(/s$/, ''), area.replace(/ies$/, 'y')], `${name} in api/${file}`).toContain(prefix);
          seen.add(name);
        }
      }
    }
    // Every handler of the map was found in a file named for it.
    expect([...seen].sort()).toEqual(Object.keys(handlers).sort());
  });
});
