import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popover, Select, Space, Table } from 'antd';
import type { CertifiedCategory, Person, PersonCategory } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { deskToday } from '../../format';
import { label, useGlossary } from '../../glossary';
import { DayPicker, OptionalDayPicker } from '../DayPicker';

/** The person's 资助身份: each certification with its period and source; 认定 by hand and 结束 one. */
export function Categories({
  person,
  rows,
  onChanged,
  onDialog,
}: {
  person: Person;
  rows: CertifiedCategory[];
  onChanged: () => void;
  onDialog: (open: boolean) => void;
}) {
  const g = useGlossary();
  const [certifying, setCertifying] = useState(false);
  const show = (v: boolean) => (setCertifying(v), onDialog(v));
  return (
    <>
      <Table<CertifiedCategory>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '没有认定的资助身份' }}
        title={() => (
          <Space>
            <Button size="small" onClick={() => show(true)}>
              认定资助身份
            </Button>
          </Space>
        )}
        columns={[
          { title: '类别', render: (_, c) => label(g.categories, c.code) },
          { title: '认定部门', render: (_, c) => label(g.departments, c.department) || '—' },
          { title: '有效期', render: (_, c) => `${c.validFrom} 至 ${c.validTo ?? '今'}` },
          { title: '来源', dataIndex: 'source' },
          {
            title: '',
            width: 70,
            render: (_, c) => (c.validTo === null || c.validTo > deskToday() ? <EndCategory c={c} seen={person.version} onEnded={onChanged} /> : null),
          },
        ]}
      />
      <CertifyModal
        person={person}
        open={certifying}
        onClose={() => show(false)}
        onSaved={() => {
          show(false);
          onChanged();
        }}
      />
    </>
  );
}

function EndCategory({ c, seen, onEnded }: { c: CertifiedCategory; seen: number; onEnded: () => void }) {
  const g = useGlossary();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState(deskToday());
  const { run, error, setError } = useAction();
  async function end() {
    if (!(await run(() => invoke('categories.end', { id: c.id, validTo: on, seen })))) return;
    setOpen(false);
    onEnded();
  }
  return (
    <Popover
      open={open}
      onOpenChange={(v) => (setOpen(v), setError(null))}
      trigger="click"
      title={`结束「${label(g.categories, c.code)}」的认定`}
      content={
        <Space direction="vertical">
          <Space>
            截止日期
            <DayPicker label="认定截止日期" value={on} onChange={setOn} />
            <Button type="primary" size="small" onClick={() => void end()}>
              确定
            </Button>
          </Space>
          {error && <Alert type="error" showIcon message={error} role="alert" />}
        </Space>
      }
    >
      <Button size="small" type="link">
        结束
      </Button>
    </Popover>
  );
}

function CertifyModal({ person, open, onClose, onSaved }: { person: Person; open: boolean; onClose: () => void; onSaved: () => void }) {
  const g = useGlossary();
  const [code, setCode] = useState<PersonCategory | undefined>();
  const [validFrom, setValidFrom] = useState(deskToday());
  const [validTo, setValidTo] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const { run, error, setError } = useAction();
  useEffect(() => {
    if (!open) return;
    setCode(undefined);
    setValidFrom(deskToday());
    setValidTo(null);
    setSource('');
    setError(null);
  }, [open]);

  // The policy's own categories first, each with the department that certifies it; other facts after.
  const inPolicy = Object.keys(g.certifiedBy);
  const options = [
    { label: '本地政策的资助类别', options: inPolicy.map((c) => ({ value: c, label: label(g.categories, c) })) },
    {
      label: '其他身份',
      options: Object.keys(g.categories)
        .filter((c) => !inPolicy.includes(c))
        .map((c) => ({ value: c, label: label(g.categories, c) })),
    },
  ];
  const department = code ? g.certifiedBy[code] : undefined;

  async function save() {
    if (!code) return setError('请选择资助类别。');
    if (await run(() => invoke('categories.certify', { personId: person.id, code, validFrom, validTo, source, seen: person.version }))) onSaved();
  }

  return (
    <Modal title={`认定「${person.name}」的资助身份`} open={open} onCancel={onClose} onOk={() => void save()} okText="认定" cancelText="取消" destroyOnHidden>
      <Form layout="horizontal" labelCol={{ span: 6 }}>
        <Form.Item label="类别">
          <Select aria-label="资助类别" showSearch optionFilterProp="label" value={code} onChange={setCode} options={options} placeholder="选择或输入类别" />
        </Form.Item>
        <Form.Item label="认定部门">
          <span data-testid="certify-department">{code ? (department ? label(g.departments, department) : '政策未写明认定部门') : '选择类别后按政策显示'}</span>
        </Form.Item>
        <Form.Item label="有效期起">
          <DayPicker label="认定起始日期" value={validFrom} onChange={setValidFrom} />
        </Form.Item>
        <Form.Item label="有效期止">
          <OptionalDayPicker label="认定截止日期" value={validTo} onChange={setValidTo} placeholder="长期有效" />
        </Form.Item>
        <Form.Item label="来源">
          <Input aria-label="认定来源" value={source} onChange={(e) => setSource(e.target.value)} placeholder="如：民政局 2023年11月低保名单；残联出具的证明" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
    </Modal>
  );
}
