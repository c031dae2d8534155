import { useEffect, useState, type ReactNode } from 'react';
import { Alert, AutoComplete, Button, Select, Space, Spin } from 'antd';
import type { PersonSummary } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useGlossary } from '../../glossary';
import { deskToday } from '../../format';
import { useOffice } from '../../office';
import { useCoverageYears } from '../../years';
import { useInvoke } from '../../useInvoke';
import { YearSelect } from '../YearSelect';
import { HouseholdNoticeDoc, NotEnrolledDoc, PublicListDoc, VillageNoticeDoc } from './documents';
import { FormDoc } from '../../print/FormDoc';
import { BatchNotices } from './BatchNotices';
import { DayReceipts } from './DayReceipts';
import { LAST_YEAR } from '../lastYearLists';

const DOCUMENTS = [
  { value: 'notice', label: '缴费通知单（按户）' },
  { value: 'notices', label: '缴费通知单（整村或全乡镇批量）' },
  { value: 'receipts', label: '缴费凭证（按缴费日期批量）' },
  { value: 'public', label: '资助对象公示名单' },
  { value: 'notEnrolled', label: '未参保人员名单（村核实清单）' },
  { value: 'insuredLastYearNotEnrolled', label: '去年参保、今年未参保人员名单' },
  { value: 'notInsuredLastYear', label: '去年未参保、今年未参保人员名单' },
  { value: 'unknownLastYear', label: '去年情况不明、今年未参保人员名单' },
  { value: 'fujian1', label: '附件1 筹资对照表' },
  { value: 'fujian2', label: '附件2 参保目标任务分解表' },
  { value: 'fujian3', label: '附件3 筹资进度表' },
  { value: 'fujian4', label: '附件4 县外参加基本医疗保险情况明细表' },
  { value: 'fujian5', label: '附件5 参加基本医疗保险情况汇总表' },
  { value: 'villageNotice', label: '致各村（社区）的参保工作通知' },
] as const;
type DocKey = (typeof DOCUMENTS)[number]['value'];
const NEEDS_VILLAGE: DocKey[] = ['public', 'notEnrolled', 'insuredLastYearNotEnrolled', 'notInsuredLastYear', 'unknownLastYear', 'fujian4'];
/** Papers that may also be printed for the whole township. */
const ANY_VILLAGE: DocKey[] = ['public', 'fujian4'];

/** Loads the chosen document for the year and lays it out; the browser prints the paper only. */
export function PrintPage() {
  const g = useGlossary();
  const { office } = useOffice();
  const { years, year, setYear } = useCoverageYears();
  const [doc, setDoc] = useState<DocKey>('notice');
  const villageList = useInvoke('villages.list', {});
  const villages = villageList.value ?? [];
  const [villageId, setVillageId] = useState<number | undefined>();
  const [household, setHousehold] = useState<PersonSummary | null>(null);
  const [view, setView] = useState<ReactNode>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!year) return;
    let live = true;
    const show = (node: ReactNode) => live && (setView(node), setError(null));
    const fail = (message: string) => live && (setView(null), setError(message));
    const title = (kind: string) => `${office?.townshipName ?? ''}${year}年度${g.exports[kind] ?? ''}`;
    setLoading(true);
    void (async () => {
      switch (doc) {
        case 'notices':
        case 'receipts':
          return show(null);
        case 'notice': {
          if (!household) return show(null);
          const r = await invoke('print.householdNotice', { householdId: household.householdId, coverageYear: year, on: deskToday() });
          return r.ok ? show(<HouseholdNoticeDoc n={r.value} />) : fail(r.error.message);
        }
        case 'public': {
          const r = await invoke('print.publicList', { coverageYear: year, on: deskToday(), ...(villageId ? { villageId } : {}) });
          return r.ok ? show(<PublicListDoc l={r.value} />) : fail(r.error.message);
        }
        case 'notEnrolled':
        case 'insuredLastYearNotEnrolled':
        case 'notInsuredLastYear':
        case 'unknownLastYear': {
          if (!villageId) return show(null);
          const lastYear = LAST_YEAR[doc];
          const r = await invoke('reports.notEnrolled', { coverageYear: year, villageId, limit: 100000, paper: true, ...(lastYear ? { lastYear } : {}) });
          return r.ok
            ? show(<NotEnrolledDoc title={title(doc)} rows={r.value.rows} villageName={villages.find((v) => v.id === villageId)?.name ?? ''} />)
            : fail(r.error.message);
        }
        case 'fujian1':
        case 'fujian2':
        case 'fujian3':
        case 'fujian4':
        case 'fujian5': {
          const r = await invoke('print.form', { kind: doc, coverageYear: year, ...(doc === 'fujian4' && villageId ? { villageId } : {}) });
          return r.ok ? show(<FormDoc form={r.value} testId={doc} />) : fail(r.error.message);
        }
        case 'villageNotice': {
          const r = await invoke('print.villageNotice', { coverageYear: year });
          return r.ok ? show(<VillageNoticeDoc n={r.value} />) : fail(r.error.message);
        }
      }
    })().finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [doc, year, villageId, household, office, g, villages]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <YearSelect years={years} year={year} onChange={setYear} />
        打印内容
        <Select
          aria-label="打印内容"
          value={doc}
          onChange={setDoc}
          style={{ width: 300 }}
          listHeight={DOCUMENTS.length * 32 + 8}
          options={DOCUMENTS.map((d) => ({ ...d }))}
        />
        {NEEDS_VILLAGE.includes(doc) && (
          <Select
            aria-label="村（社区）"
            allowClear={ANY_VILLAGE.includes(doc)}
            placeholder={ANY_VILLAGE.includes(doc) ? '全部村（社区）' : '请选择村（社区）'}
            value={villageId}
            onChange={setVillageId}
            style={{ width: 180 }}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
          />
        )}
        {doc === 'notice' && <HouseholdPicker onPick={setHousehold} picked={household} />}
        {doc !== 'notices' && doc !== 'receipts' && (
          <Button type="primary" disabled={!view} onClick={() => window.print()}>
            打印
          </Button>
        )}
      </Space>
      {(error ?? villageList.error) && <Alert type="error" showIcon message={error ?? villageList.error} role="alert" />}
      {doc === 'notices' && year && <BatchNotices key={year} year={year} villages={villages} />}
      {doc === 'receipts' && <DayReceipts />}
      {loading && !view ? <Spin /> : view}
      {!view && !error && !loading && doc !== 'notices' && doc !== 'receipts' && (
        <Alert type="info" showIcon message={doc === 'notice' ? '输入户内任一成员的姓名或身份证号，选择后显示该户的通知单。' : '请选择村（社区）。'} />
      )}
    </Space>
  );
}

function HouseholdPicker({ picked, onPick }: { picked: PersonSummary | null; onPick: (p: PersonSummary) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonSummary[]>([]);
  useEffect(() => {
    if (!q) return setFound([]);
    const t = setTimeout(() => void invoke('roster.search', { q, limit: 10 }).then((r) => r.ok && setFound(r.value)), 120);
    return () => clearTimeout(t);
  }, [q]);
  return (
    <AutoComplete
      aria-label="查找家庭户"
      style={{ width: 320 }}
      value={q}
      onChange={setQ}
      placeholder={picked ? `${picked.villageName} ${picked.householdNumber} 户（${picked.name}）` : '姓名、身份证号或拼音首字母'}
      options={found.map((p) => ({ value: String(p.id), label: `${p.name}\u3000${p.villageName} 户号 ${p.householdNumber}` }))}
      onSelect={(v: string) => {
        const p = found.find((x) => String(x.id) === v);
        if (p) onPick(p);
        setQ('');
      }}
    />
  );
}
