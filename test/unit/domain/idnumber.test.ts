import { describe, expect, it } from 'vitest';
import { checkCharacter, parseIdNumber } from '../../../src-main/domain/idnumber';
import { ageOn } from '../../../src-main/domain/dates';

// Synthetic numbers with correct check characters (computed independently below).
const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('ID numbers (GB 11643-1999)', () => {
  it('matches the worked example of the standard', () => {
    // The example number printed in GB 11643-1999 itself.
    expect(checkCharacter('11010519491231002')).toBe('X');
    const r = parseIdNumber('11010519491231002x', '2024-01-01');
    expect(r).toEqual({
      ok: true,
      value: { id: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', areaCode: '110105', upgradedFrom15: false },
    });
  });

  it.each([
    ['500235198807150011', 'male', '1988-07-15'],
    ['500235200402290026', 'female', '2004-02-29'],
  ])('reads sex and birth date from %s', (first18, sex, birth) => {
    const id = withCheck(first18.slice(0, 17));
    const r = parseIdNumber(id, '2024-01-01');
    expect(r.ok && r.value).toMatchObject({ sex, birthDate: birth, areaCode: first18.slice(0, 6) });
  });

  it('upgrades a 15-digit number to 18 digits with the 19xx century', () => {
    const r = parseIdNumber('500235880715001', '2024-01-01');
    expect(r.ok && r.value).toEqual({
      id: withCheck('50023519880715001'),
      birthDate: '1988-07-15',
      sex: 'male',
      areaCode: '500235',
      upgradedFrom15: true,
    });
  });

  it.each([
    ['', 'empty'],
    ['5002351988071500', 'bad_length'],
    ['50023519880715001A', 'bad_chars'],
    ['5.00235198807151E+17', 'lost_to_number_format'],
    [withCheck('99023519880715001'), 'bad_area'],
    [withCheck('50023519880230001'), 'bad_birth_date'],
    [withCheck('50023520230229001'), 'bad_birth_date'],
    [withCheck('50023520990101001'), 'future_birth_date'],
  ])('refuses %j as %s, in Chinese', (id, problem) => {
    const r = parseIdNumber(id, '2024-01-01');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe(problem);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses every wrong check character and names the right one', () => {
    const first17 = '50023519880715001';
    const right = checkCharacter(first17);
    for (const c of '0123456789X') {
      const r = parseIdNumber(first17 + c, '2024-01-01');
      expect(r.ok, c).toBe(c === right);
      if (!r.ok) expect(r.message).toContain(`应是 ${right}`);
    }
  });

  it('gives age on a date from the number', () => {
    const r = parseIdNumber(withCheck('50023519640301001'), '2024-01-01');
    if (!r.ok) throw new Error(r.message);
    expect(ageOn(r.value.birthDate, '2024-02-29')).toBe(59);
    expect(ageOn(r.value.birthDate, '2024-03-01')).toBe(60);
  });
});
