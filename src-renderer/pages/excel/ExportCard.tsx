import { useState } from 'react';
import { Alert, Card, Select, Space } from 'antd';
import type { ExportKind, Village } from '../../../src-main/api/contract';
import { invoke, saveFile } from '../../api';
import { useGlossary } from '../../glossary';
import { useInvoke } from '../../useInvoke';
import { BusyButton } from '../../BusyButton';

const BY_VILLAGE: Choice[] = ['notEnrolled', 'insuredLastYearNotEnrolled', 'notInsuredLastYear', 'unknownLastYear', 'fujian4'];
/** 批量参保登记表 for the 医保 platform: one village at a time, and it remembers whom it held. */
const REGISTRATION = 'registration';
type Choice = ExportKind | typeof REGISTRATION;

export function ExportCard({ year }: { year: number | null }) {
  const g = useGlossary();
  const [kind, setKind] = useState<Choice>('fujian3');
  const villages: Village[] = useInvoke('villages.list', {}).value ?? [];
  const [villageId, setVillageId] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  async function registration(id: number) {
    const r = await invoke('export.registration', { villageId: id });
    if (!r.ok) return setMessage({ type: 'error', text: r.error.message });
    const s = await saveFile(r.value.file);
    const again = r.value.again ? `（其中 ${r.value.again} 人导出过、之后有改动）` : '';
    setMessage(
      s.ok
        ? { type: 'success', text: `已导出批量参保登记表：${r.value.rows} 人${again}。已记下，下次只导出新增或改动的人员。` }
        : { type: 'error', text: s.error.message },
    );
  }

  async function write() {
    if (!year) return;
    setBusy(true);
    setMessage(null);
    try {
      if (kind === REGISTRATION) return villageId ? await registration(villageId) : setMessage({ type: 'error', text: '请选择村（社区）。' });
      const r = await invoke('export.write', { kind, coverageYear: year, ...(villageId && BY_VILLAGE.includes(kind) ? { villageId } : {}) });
      if (!r.ok) return setMessage({ type: 'error', text: r.error.message });
      const s = await saveFile(r.value.file);
      setMessage(s.ok ? { type: 'success', text: `已导出「${g.exports[kind]}」，共 ${r.value.rows} 行。` } : { type: 'error', text: s.error.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="导出 Excel" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          表格
          <Select
            aria-label="导出表格"
            // All sixteen drawn (no virtual list): the last ones are reached by scrolling or the keys alike.
            virtual={false}
            value={kind}
            onChange={setKind}
            style={{ width: 360 }}
            options={[
              ...Object.entries(g.exports).map(([value, l], i) => ({ value, label: i < 5 ? `附件${i + 1} ${l}` : l })),
              { value: REGISTRATION, label: '批量参保登记表（医保平台新参保，按村）' },
            ]}
          />
          {(BY_VILLAGE.includes(kind) || kind === REGISTRATION) && (
            <Select
              aria-label="导出村"
              allowClear={kind !== REGISTRATION}
              placeholder={kind === REGISTRATION ? '请选择村（社区）' : '全部村（社区）'}
              value={villageId}
              onChange={setVillageId}
              style={{ width: 180 }}
              options={villages.map((v) => ({ value: v.id, label: v.name }))}
            />
          )}
          <BusyButton type="primary" busy={busy} disabled={!year} onClick={() => void write()}>
            导出并保存
          </BusyButton>
        </Space>
        {message && <Alert type={message.type} showIcon message={message.text} role={message.type === 'error' ? 'alert' : undefined} />}
      </Space>
    </Card>
  );
}
