// Which person a file's row is about, for every list that names persons already on the roster
// (department lists, payments, 附件4, 医保's lists): the ID number finds them, and a name the
// file gives must be the one the roster holds, else the row is the clerk's to check.
export type Match<P> = { person: P } | { unmatched: 'idNumber' | 'name'; message: string };

/** `found` is whom the row's ID number names on the roster, if anyone. */
export function matchPerson<P extends { name: string }>(row: { idNumber: string; name?: string | undefined }, found: P | undefined): Match<P> {
  if (!found) return { unmatched: 'idNumber', message: '台账中没有此身份证号。' };
  if (row.name && row.name !== found.name) return { unmatched: 'name', message: `台账中此身份证号登记的姓名是「${found.name}」，文件中是「${row.name}」。` };
  return { person: found };
}
