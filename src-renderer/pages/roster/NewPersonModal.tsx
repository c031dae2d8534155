import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Form, Input, Modal, Select, Typography } from 'antd';
import type { Household, IdCheck, Person, Village } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { RelationInput } from './RelationInput';

/**
 * Registers a person at the desk. The ID number is checked as it is typed; birth date and sex
 * come from it. A household number new to the village makes the household.
 */
export function NewPersonModal({
  open,
  onClose,
  onCreated,
  typed = '',
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (p: Person) => void;
  typed?: string;
}) {
  // What was typed in the search box starts the form when it looks like an ID number.
  const initialId = /^\d{15,17}[\dXx]?$/.test(typed.trim()) ? typed.trim() : '';
  const [idNumber, setIdNumber] = useState(initialId);
  const [check, setCheck] = useState<IdCheck | null>(null);
  const [name, setName] = useState('');
  const [villages, setVillages] = useState<Village[]>([]);
  const [villageId, setVillageId] = useState<number | undefined>();
  const [households, setHouseholds] = useState<Household[]>([]);
  const [number, setNumber] = useState('');
  const [relation, setRelation] = useState('');
  const [phone, setPhone] = useState('');
  const { run, error, setError, busy: saving } = useAction();

  // Each opening starts from a clean form (and a fresh check of the number).
  useEffect(() => {
    if (!open) return;
    void invoke('villages.list', {}).then((r) => r.ok && setVillages(r.value));
    setIdNumber(initialId);
    setCheck(null);
    setName('');
    setNumber('');
    setRelation('');
    setPhone('');
    setError(null);
  }, [open, initialId]);

  useEffect(() => {
    const typed = idNumber.trim();
    if (!open || typed.length < 15) return setCheck(null);
    let live = true;
    void invoke('roster.checkId', { idNumber: typed }).then((r) => live && r.ok && setCheck(r.value));
    return () => {
      live = false;
    };
  }, [idNumber, open]);

  useEffect(() => {
    if (villageId) void invoke('roster.listHouseholds', { villageId }).then((r) => r.ok && setHouseholds(r.value));
  }, [villageId]);

  async function save() {
    if (!villageId) return setError('请选择村（社区）。');
    if (!number.trim()) return setError('请填写户号。');
    const household =
      households.find((h) => h.number === number.trim()) ?? (await run(() => invoke('roster.addHousehold', { villageId, number: number.trim() })));
    if (!household) return;
    const person = await run(() =>
      invoke('roster.addPerson', {
        idNumber: idNumber.trim(),
        name: name.trim(),
        householdId: household.id,
        ...(relation ? { relation } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      }),
    );
    if (person) onCreated(person);
  }

  const idStatus = check && !check.valid ? 'error' : undefined;
  const idHelp = !check
    ? '18 位，末位可以是 X'
    : !check.valid
      ? check.message
      : check.existing
        ? `已登记为「${check.existing.name}」（${check.existing.villageName} 户号 ${check.existing.householdNumber}）`
        : `出生日期 ${check.birthDate}，${check.sex === 'male' ? '男' : '女'}${check.message ? `；${check.message}` : ''}`;
  return (
    <Modal
      title="登记新人员"
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: !check?.valid || !!check.existing || !name.trim() }}
      destroyOnHidden
    >
      <Form layout="horizontal" labelCol={{ span: 5 }} onFinish={() => void save()}>
        <Form.Item
          label="身份证号"
          validateStatus={idStatus ?? (check?.existing ? 'warning' : check?.valid ? 'success' : undefined)}
          help={<span data-testid="id-help">{idHelp}</span>}
          hasFeedback={!!check}
        >
          <Input aria-label="新人员身份证号" autoFocus value={idNumber} maxLength={18} onChange={(e) => setIdNumber(e.target.value.toUpperCase())} />
        </Form.Item>
        <Form.Item label="姓名">
          <Input aria-label="新人员姓名" value={name} maxLength={30} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label="村（社区）">
          <Select
            aria-label="新人员村"
            value={villageId}
            onChange={setVillageId}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            placeholder="请选择"
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item label="户号" help={number && !households.some((h) => h.number === number.trim()) ? '新户号：保存时建立新的家庭户' : undefined}>
          <AutoComplete
            aria-label="新人员户号"
            value={number}
            onChange={setNumber}
            options={households
              .filter((h) => h.number.includes(number))
              .slice(0, 20)
              .map((h) => ({ value: h.number, label: `${h.number}\u3000${h.headName ?? ''}（${h.members} 人）` }))}
          />
        </Form.Item>
        <Form.Item label="与户主关系">
          <RelationInput label="新人员与户主关系" value={relation} onChange={setRelation} />
        </Form.Item>
        <Form.Item label="联系电话">
          <Input aria-label="新人员电话" value={phone} maxLength={20} onChange={(e) => setPhone(e.target.value)} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        <Typography.Text type="secondary">出生日期和性别按身份证号自动填写。</Typography.Text>
      </Form>
    </Modal>
  );
}
