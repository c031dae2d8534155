import { useState } from 'react';
import { Alert, Button, Input, Modal, Select, Space } from 'antd';
import type { Person, PersonStatus } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { deskToday } from '../../format';
import { useGlossary } from '../../glossary';

/** 死亡、出国、空挂户 with the date it happened, or back to 正常; the ledger keeps the history. */
export function StatusChange({ person, onChanged, onDialog }: { person: Person; onChanged: () => void; onDialog: (open: boolean) => void }) {
  const g = useGlossary();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<PersonStatus>(person.status);
  const [on, setOn] = useState(deskToday());
  const { run, error, setError } = useAction();
  const show = (v: boolean) => {
    setOpen(v);
    onDialog(v);
    setError(null);
  };
  async function save() {
    if (!(await run(() => invoke('roster.setStatus', { id: person.id, status, ...(status === 'active' ? {} : { on }), seen: person.version })))) return;
    show(false);
    onChanged();
  }
  return (
    <>
      <Button size="small" type="link" onClick={() => show(true)}>
        变更
      </Button>
      <Modal title={`变更「${person.name}」的状态`} open={open} onCancel={() => show(false)} onOk={() => void save()} okText="保存" cancelText="取消">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            状态
            <Select
              aria-label="人员状态"
              value={status}
              onChange={setStatus}
              style={{ width: 160 }}
              options={Object.entries(g.statuses).map(([value, label]) => ({ value, label }))}
            />
            {status !== 'active' && (
              <>
                发生日期
                <Input aria-label="状态日期" value={on} onChange={(e) => setOn(e.target.value)} style={{ width: 130 }} placeholder="YYYY-MM-DD" />
              </>
            )}
          </Space>
          {error && <Alert type="error" showIcon message={error} role="alert" />}
        </Space>
      </Modal>
    </>
  );
}
