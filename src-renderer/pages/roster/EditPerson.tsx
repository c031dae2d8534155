import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import type { Person, StudentKind, Residence } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { useGlossary } from '../../glossary';
import { RelationInput } from './RelationInput';

/** 修改信息: what the clerk may correct on a person (the ID number is the person: it is never edited). */
export function EditPerson({ person, open, onClose, onSaved }: { person: Person; open: boolean; onClose: () => void; onSaved: () => void }) {
  const g = useGlossary();
  const [name, setName] = useState(person.name);
  const [phone, setPhone] = useState(person.phone);
  const [relation, setRelation] = useState(person.relation);
  const [residence, setResidence] = useState<Residence>(person.residence);
  const [student, setStudent] = useState<StudentKind>(person.student);
  const { run, error, setError, busy: saving } = useAction();

  useEffect(() => {
    if (!open) return;
    setName(person.name);
    setPhone(person.phone);
    setRelation(person.relation);
    setResidence(person.residence);
    setStudent(person.student);
    setError(null);
  }, [open, person]);

  async function save() {
    if (await run(() => invoke('roster.updatePerson', { id: person.id, name, phone, relation, residence, student, seen: person.version }))) onSaved();
  }

  return (
    <Modal
      title={`修改「${person.name}」的信息`}
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form layout="horizontal" labelCol={{ span: 6 }} onFinish={() => void save()}>
        <Form.Item label="身份证号">
          <span>{person.idNumber}（身份证号不能修改）</span>
        </Form.Item>
        <Form.Item label="姓名">
          <Input aria-label="姓名" autoFocus value={name} onChange={(e) => setName(e.target.value)} onPressEnter={() => void save()} />
        </Form.Item>
        <Form.Item label="联系电话">
          <Input aria-label="联系电话" value={phone} onChange={(e) => setPhone(e.target.value)} onPressEnter={() => void save()} />
        </Form.Item>
        <Form.Item label="与户主关系">
          <RelationInput label="与户主关系" value={relation} onChange={setRelation} />
        </Form.Item>
        <Form.Item label="参保范围">
          <Select
            aria-label="参保范围"
            value={residence}
            onChange={setResidence}
            options={Object.entries(g.residences).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="学生">
          <Select aria-label="学生" value={student} onChange={setStudent} options={Object.entries(g.students).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
    </Modal>
  );
}
