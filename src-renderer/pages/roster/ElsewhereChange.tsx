// 职工医保 and 县外参保 set at the desk, for a year: the person leaves the worklists, and the year
// counts as insured when a later season counts a lapse.
import { useState } from 'react';
import { Alert, Button, Input, Modal, Select, Space, Switch } from 'antd';
import type { OutOfCounty, Person } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { useGlossary } from '../../glossary';
import { useCoverageYears } from '../../years';

export function ElsewhereChange({ person, onChanged, onDialog }: { person: Person; onChanged: () => void; onDialog: (open: boolean) => void }) {
  const g = useGlossary();
  const { years, year: working } = useCoverageYears();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState<number | null>(null);
  const [employee, setEmployee] = useState(person.employeeInsured);
  const [outside, setOutside] = useState<OutOfCounty | null>(person.outOfCounty);
  const [place, setPlace] = useState(person.outOfCountyPlace);
  const { run, error, setError } = useAction();
  const show = (v: boolean) => {
    setOpen(v);
    onDialog(v);
    setError(null);
  };
  const forYear = year ?? working;
  async function save() {
    const changed = await run(() =>
      invoke('roster.setInsurance', {
        id: person.id,
        employeeInsured: employee,
        outOfCounty: outside,
        place: outside ? place : '',
        ...(forYear ? { coverageYear: forYear } : {}),
        seen: person.version,
      }),
    );
    if (!changed) return;
    show(false);
    onChanged();
  }
  return (
    <>
      <Button size="small" type="link" onClick={() => show(true)}>
        登记
      </Button>
      <Modal title={`登记「${person.name}」在外参保的情况`} open={open} onCancel={() => show(false)} onOk={() => void save()} okText="保存" cancelText="取消">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            参保年度
            <Select
              aria-label="在外参保的年度"
              value={forYear ?? undefined}
              onChange={setYear}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
            />
          </Space>
          <Space>
            参加职工医保
            <Switch aria-label="参加职工医保" checked={employee} onChange={setEmployee} />
          </Space>
          <Space>
            县外参保
            <Select
              aria-label="县外参保"
              value={outside ?? 'none'}
              onChange={(v) => setOutside(v === 'none' ? null : (v as OutOfCounty))}
              style={{ width: 300 }}
              options={[{ value: 'none', label: '无' }, ...Object.entries(g.outOfCounty).map(([value, label]) => ({ value, label }))]}
            />
          </Space>
          {outside && (
            <Input
              aria-label="现参保地"
              placeholder="现参保地，如：重庆市渝中区、西南大学"
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              maxLength={60}
            />
          )}
          <Alert
            type="info"
            showIcon
            message={
              forYear !== null && working !== null && forYear < working
                ? `只记入 ${forYear} 年度的参保记录（计算断保时这一年算作已参保），不改变此人现在的参保情况。`
                : `此人从名单中按在外参保处理，并记入 ${forYear ?? ''} 年度的参保记录：以后计算断保时，这一年算作已参保。`
            }
          />
          {error && <Alert type="error" showIcon message={error} />}
        </Space>
      </Modal>
    </>
  );
}
