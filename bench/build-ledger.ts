// Builds a synthetic township ledger: 30 villages, households of 1–6, Chinese names, valid
// ID numbers, 20% with a certified category, 70% enrolled (quoted by the real engine).
import type { Database } from 'better-sqlite3';
import { SUBSIDY_CATEGORIES } from '../src-main/domain/codes';
import { addDays } from '../src-main/domain/dates';
import { checkCharacter } from '../src-main/domain/idnumber';
import { quote } from '../src-main/domain/policy/quote';
import type { Policy } from '../src-main/domain/policy/schema';
import { appendAudit } from '../src-main/ledger/audit';
import { insertEnrollment } from '../src-main/ledger/enrollments';
import { addPersonRow, insertCategory } from '../src-main/ledger/roster';
import { rng } from './synthetic';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单欧阳';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国文辉力成春梅林云飞鹏波斌宇浩凯健俊帆帅旭宁颖琳婷欣怡佳雪梦晨子涵嘉琪思雨';
const SUBSIDIES = Object.keys(SUBSIDY_CATEGORIES);

export interface BuiltLedger {
  persons: number;
  villages: number[];
  sampleIds: string[];
  sampleNames: string[];
}

export function buildLedger(db: Database, policy: Policy, n: number, seed = 7): BuiltLedger {
  const r = rng(seed);
  const year = policy.coverageYear;
  const at = '2024-01-10T00:00:00.000Z';
  const villages: number[] = [];
  db.transaction(() => {
    for (let v = 1; v <= 30; v++) {
      villages.push(
        Number(
          db.prepare('INSERT INTO villages (code, name, created_on) VALUES (?, ?, ?)').run(String(v).padStart(3, '0'), `第${v}村`, '2023-01-01')
            .lastInsertRowid,
        ),
      );
    }
    db.prepare('INSERT INTO office_policies (coverage_year, policy_id) VALUES (?, ?)').run(year, policy.id);
  })();
  const write = (p: Parameters<typeof addPersonRow>[1], at: string) => addPersonRow(db, p, at);
  const addHousehold = db.prepare('INSERT INTO households (village_id, number, created_at) VALUES (?, ?, ?)');
  const sampleIds: string[] = [];
  const sampleNames: string[] = [];
  const surnames = [...SURNAMES];
  const given = [...GIVEN];
  let made = 0;
  let household = 0;
  const BATCH = 20_000;
  while (made < n) {
    db.transaction(() => {
      const stop = Math.min(n, made + BATCH);
      while (made < stop) {
        household++;
        const villageId = villages[household % villages.length]!;
        const hid = Number(addHousehold.run(villageId, String(household).padStart(7, '0'), at).lastInsertRowid);
        const size = 1 + Math.floor(r() * 6);
        for (let k = 0; k < size && made < stop; k++, made++) {
          const birthDate = addDays('1930-01-01', Math.floor(r() * 33000));
          // The serial keeps numbers distinct; the birth date keeps them valid.
          const first17 = `500235${birthDate.replaceAll('-', '')}${String(made % 1000).padStart(3, '0')}`;
          const idNumber = first17 + checkCharacter(first17);
          const name =
            surnames[Math.floor(r() * surnames.length)]! + given[Math.floor(r() * given.length)]! + (r() < 0.7 ? given[Math.floor(r() * given.length)]! : '');
          let pid: number;
          try {
            pid = write(
              {
                idNumber,
                name,
                sex: Number(first17[16]) % 2 ? 'male' : 'female',
                birthDate,
                phone: r() < 0.5 ? `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : '',
                householdId: hid,
                villageId,
                relation: k === 0 ? '户主' : '',
                residence: 'local_hukou',
                student: 'none',
              },
              at,
            );
          } catch {
            made--; // the rare duplicate number: draw again
            continue;
          }
          if (made % 997 === 0) {
            sampleIds.push(idNumber);
            sampleNames.push(name);
          }
          const cats: string[] = [];
          if (r() < 0.2) {
            const code = SUBSIDIES[Math.floor(r() * SUBSIDIES.length)]!;
            cats.push(code);
            insertCategory(
              db,
              { personId: pid, code, department: null, validFrom: '2023-01-01', validTo: null, source: '基准名单', sourceOn: '2023-10-01', createdBy: 'bench' },
              at,
            );
          }
          if (r() < 0.7) {
            const paidOn = addDays(`${year - 1}-10-24`, Math.floor(r() * 60));
            const q = quote(policy, { idNumber, categories: cats as never, tier: r() < 0.9 ? 1 : 2, paidOn });
            if (q.eligible)
              insertEnrollment(
                db,
                { personId: pid, coverageYear: year, policyId: policy.id, paidOn, channel: r() < 0.5 ? '微信' : '现金', quote: q, createdBy: 'bench' },
                at,
              );
          }
        }
      }
      appendAudit(db, { actor: 'bench', action: 'bench.build', entity: 'persons', entityId: made, after: { made } }, at);
    })();
  }
  return { persons: made, villages, sampleIds, sampleNames };
}
