// The screens' kept answers: kept per read and arguments, the oldest let go past the limit, and
// all forgotten after any call that is not a known read (a write, a login, an import).
import { describe, expect, it } from 'vitest';
import { called, forget, generation, keep, keptAnswer, screenRead, slotOf } from '../../../src-renderer/kept';

describe('kept answers', () => {
  it('are kept per read and arguments', () => {
    called('enroll.person');
    keep(slotOf('reports.dashboard', '{"coverageYear":2024}'), '{"a":1}', { a: 1 });
    expect(keptAnswer(slotOf('reports.dashboard', '{"coverageYear":2024}'))?.value).toEqual({ a: 1 });
    expect(keptAnswer(slotOf('reports.dashboard', '{"coverageYear":2025}'))).toBeUndefined();
  });

  it.each([
    ['a screen read', 'reports.progress', true],
    ['a read a screen makes by hand', 'roster.find', true],
    ['a write', 'enroll.person', false],
    ['a login', 'session.login', false],
    ['an import’s commit', 'import.commit', false],
    ['a restore', 'backup.restore', false],
  ] as const)('after %s (%s) they are %s', (_, name, stays) => {
    screenRead('reports.progress');
    keep('s', '1', 1);
    called(name);
    expect(keptAnswer('s') !== undefined).toBe(stays);
  });

  it('let the oldest go past 64', () => {
    called('enroll.person');
    for (let i = 0; i < 70; i++) keep(`s${i}`, String(i), i);
    expect(keptAnswer('s0')).toBeUndefined();
    expect(keptAnswer('s5')).toBeUndefined();
    expect(keptAnswer('s6')?.value).toBe(6);
    expect(keptAnswer('s69')?.value).toBe(69);
  });

  it('never keep an answer asked for before a write, a logout or a login landed', () => {
    const asked = generation();
    called('session.logout');
    keep('s', '1', 1, asked);
    expect(keptAnswer('s')).toBeUndefined();
    keep('s', '1', 1, generation());
    expect(keptAnswer('s')?.value).toBe(1);
    forget('s');
    expect(keptAnswer('s')).toBeUndefined();
  });
});
