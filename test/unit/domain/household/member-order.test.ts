// A household's members as the 户口簿 lists them: 户主, 配偶, 子女, 父母, then the others; within
// one relation the eldest first (GB/T 4761's groups).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inHouseholdOrder, relationRank } from '../../../../src-main/domain/household/member-order';

describe('relationRank', () => {
  it.each([
    ['户主', 0],
    ['本人', 0],
    ['配偶', 1],
    ['妻', 1],
    ['长子', 2],
    ['女儿', 2],
    ['儿媳', 2],
    ['女婿', 2],
    ['父亲', 3],
    ['婆婆', 3],
    ['孙女', 4],
    ['外祖母', 5],
    ['弟弟', 6],
    ['侄子', 7],
    ['', 7],
    [' 配 偶 ', 1],
  ])('%s → %i', (relation, rank) => expect(relationRank(relation)).toBe(rank));

  it('puts the household’s named head first whatever its word', () => expect(relationRank('其他', true)).toBe(0));
});

const m = (id: number, relation: string, birthDate: string) => ({ id, relation, birthDate });

describe('inHouseholdOrder', () => {
  it('puts 配偶 before 父亲 and 母亲, and the elder of two children first', () => {
    const members = [
      m(1, '户主', '1970-01-01'),
      m(2, '母亲', '1942-01-01'),
      m(3, '父亲', '1940-01-01'),
      m(4, '女', '2001-01-01'),
      m(5, '子', '1998-05-01'),
      m(6, '配偶', '1972-01-01'),
    ];
    expect(inHouseholdOrder(members, 1).map((x) => x.relation)).toEqual(['户主', '配偶', '子', '女', '父亲', '母亲']);
  });
  it('keeps the order as entered between two of one relation born the same day', () => {
    expect(inHouseholdOrder([m(9, '子', '2000-01-01'), m(3, '子', '2000-01-01')], null).map((x) => x.id)).toEqual([3, 9]);
  });
  it('is a permutation whose ranks never go down, whatever the input order', () => {
    const relations = ['户主', '配偶', '子', '女', '父亲', '孙子', '弟', '其他', '儿媳'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...relations), fc.date({ min: new Date('1930-01-01'), max: new Date('2024-12-31'), noInvalidDate: true })), {
          maxLength: 12,
        }),
        (rows) => {
          const members = rows.map(([r, d], i) => m(i + 1, r, d.toISOString().slice(0, 10)));
          const out = inHouseholdOrder(members, null);
          expect(out.map((x) => x.id).sort((a, b) => a - b)).toEqual(members.map((x) => x.id));
          for (let i = 1; i < out.length; i++) {
            const [a, b] = [out[i - 1]!, out[i]!];
            expect(
              relationRank(a.relation) < relationRank(b.relation) || (relationRank(a.relation) === relationRank(b.relation) && a.birthDate <= b.birthDate),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
