// Which person a row is about (issue 27, one rule for every list of persons): table-driven.
import { describe, expect, it } from 'vitest';
import { matchPerson } from '../../../src-main/domain/import/match';

const zhang = { id: 7, name: '张三' };

describe('matchPerson', () => {
  it.each<[string, { idNumber: string; name?: string }, typeof zhang | undefined, unknown]>([
    ['the ID number finds the person', { idNumber: '1', name: '张三' }, zhang, { person: zhang }],
    ['a row without a name is taken by its ID number', { idNumber: '1' }, zhang, { person: zhang }],
    ['an empty name is no name', { idNumber: '1', name: '' }, zhang, { person: zhang }],
    ['nobody on the roster under the number', { idNumber: '1', name: '张三' }, undefined, { unmatched: 'idNumber', message: '台账中没有此身份证号。' }],
    [
      'another name under the number is the clerk’s to check',
      { idNumber: '1', name: '张山' },
      zhang,
      { unmatched: 'name', message: '台账中此身份证号登记的姓名是「张三」，文件中是「张山」。' },
    ],
  ])('%s', (_, row, found, expected) => expect(matchPerson(row, found)).toEqual(expected));
});
