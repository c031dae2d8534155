// The contract's input types and the zod schemas are written twice; this holds them to the
// same keys, so an optional field added to one and forgotten in the other cannot be dropped
// without a word. The check is the type below: `npm run typecheck` fails, naming the handler.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Api, ApiName, BatchCounts, ImportBatch, ImportPreview, PreviewCounts } from '../../../src-main/api/contract';
import { handlers } from '../../../src-main/api/index';
import type { Handler } from '../../../src-main/api/handler';

type Input<K extends ApiName> = (typeof handlers)[K] extends Handler<infer I, unknown> ? I : never;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Mismatched = { [K in ApiName]: SameKeys<Api[K]['input'], Input<K>> extends true ? never : K }[ApiName];

// A handler named here has a contract input and a schema that disagree on their keys.
const mismatched: [Mismatched] extends [never] ? 'none' : Mismatched = 'none';

describe('the contract and the schemas', () => {
  it('agree on every handler’s input keys', () => {
    expect(mismatched).toBe('none');
    expect(Object.keys(handlers).length).toBeGreaterThan(60);
  });
});

describe('import counts', () => {
  it('narrow with the import kind, in the dry run and in the batch', () => {
    // Checked by the compiler: a screen that asks a roster preview for `certify` does not build.
    expectTypeOf<Extract<ImportPreview, { kind: 'roster' }>['counts']>().toEqualTypeOf<PreviewCounts['roster']>();
    expectTypeOf<Extract<ImportPreview, { kind: 'categories' }>['counts']>().toEqualTypeOf<PreviewCounts['categories']>();
    expectTypeOf<Extract<ImportBatch, { kind: 'categories' }>['counts']>().toEqualTypeOf<BatchCounts['categories']>();
    expectTypeOf<Extract<ImportBatch, { kind: 'payments' }>['counts']>().toHaveProperty('pending');
    expectTypeOf<Extract<ImportBatch, { kind: 'payments' }>['counts']>().not.toHaveProperty('add');
  });
});
