import { useState } from 'react';
import { Alert, AutoComplete, Button, Drawer, Form, Modal, Select, Space, Table, Tag } from 'antd';
import type { BookHousehold, BookMember, Household, HouseholdNotice, Village } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { deskToday } from '../../format';
import { useInvoke } from '../../useInvoke';
import { useReceiptPaper } from '../../print/PaperChoice';
import { HouseholdEnroll } from '../enroll/HouseholdEnroll';
import { HouseholdNoticeDoc } from '../print/documents';
import { RelationInput } from './RelationInput';

type View = 'members' | 'enroll' | 'notice';

/** One household opened from the village roll: its members, 全户参保, its 缴费通知单, moving a member. */
export function HouseholdPanel({
  household,
  villageId,
  villageName,
  year,
  onClose,
  onOpenPerson,
  onChanged,
}: {
  household: BookHousehold;
  villageId: number;
  villageName: string;
  year: number;
  onClose: () => void;
  onOpenPerson: (id: number) => void;
  onChanged: () => void;
}) {
  const [view, setView] = useState<View>('members');
  const { paper, choose } = useReceiptPaper();
  const [moving, setMoving] = useState<BookMember | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const title = `${villageName} 户号 ${household.number}${household.headName ? `（户主 ${household.headName}）` : ''}`;

  return (
    <Drawer open width={980} title={title} onClose={onClose} destroyOnHidden>
      {view === 'members' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Button type="primary" autoFocus disabled={!household.members.length} onClick={() => setView('enroll')}>
              全户参保
            </Button>
            <Button disabled={!household.members.length} onClick={() => setView('notice')}>
              打印缴费通知单
            </Button>
          </Space>
          {done && <Alert type="success" showIcon message={done} />}
          <Table<BookMember>
            size="small"
            rowKey="id"
            dataSource={household.members}
            pagination={false}
            locale={{ emptyText: '这一户没有成员' }}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '与户主关系', dataIndex: 'relation', width: 100 },
              { title: '身份证号', dataIndex: 'idNumber', width: 190 },
              {
                title: `${year} 年度`,
                render: (_, m) => (m.receiptNo ? <Tag color="green">已缴（收据 {m.receiptNo}）</Tag> : m.status === 'active' ? <Tag>未缴</Tag> : ''),
              },
              {
                title: '',
                width: 150,
                render: (_, m) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => onOpenPerson(m.id)}>
                      人员信息
                    </Button>
                    <Button size="small" onClick={() => setMoving(m)}>
                      迁户
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      )}
      {view === 'enroll' && (
        <HouseholdEnroll
          householdId={household.id}
          year={year}
          paper={paper}
          onPaper={choose}
          onBack={() => setView('members')}
          onDone={() => {
            setView('members');
            onChanged();
          }}
        />
      )}
      {view === 'notice' && <NoticeView householdId={household.id} year={year} onBack={() => setView('members')} />}
      {moving && (
        <MoveMember
          member={moving}
          from={household}
          fromVillageId={villageId}
          onClose={() => setMoving(null)}
          onMoved={(message) => {
            setMoving(null);
            setDone(message);
            onChanged();
            onClose();
          }}
        />
      )}
    </Drawer>
  );
}

function NoticeView({ householdId, year, onBack }: { householdId: number; year: number; onBack: () => void }) {
  const notice = useInvoke('print.householdNotice', { householdId, coverageYear: year, on: deskToday() });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" autoFocus disabled={!notice.value} onClick={() => window.print()}>
          打印
        </Button>
        <Button onClick={onBack}>返回</Button>
      </Space>
      {notice.error && <Alert type="error" showIcon message={notice.error} role="alert" />}
      {notice.value && <HouseholdNoticeDoc n={notice.value as HouseholdNotice} />}
    </Space>
  );
}

/** 迁户: into another household of any village, or a new household (分户) made in the same change. */
function MoveMember({
  member,
  from,
  fromVillageId,
  onClose,
  onMoved,
}: {
  member: BookMember;
  from: BookHousehold;
  fromVillageId: number;
  onClose: () => void;
  onMoved: (message: string) => void;
}) {
  const villages: Village[] = useInvoke('villages.list', {}).value ?? [];
  const [villageId, setVillageId] = useState<number>(fromVillageId);
  const [number, setNumber] = useState('');
  const [relation, setRelation] = useState('');
  const { run, error, setError } = useAction();
  const households: Household[] = useInvoke('roster.listHouseholds', { villageId }).value ?? [];
  const target = households.find((h) => h.number === number.trim());
  const isNew = number.trim() !== '' && !target;

  async function move() {
    if (!number.trim()) return setError('请填写要迁入的户号。');
    const moved = await run(() =>
      invoke('roster.movePerson', {
        id: member.id,
        ...(target ? { householdId: target.id } : { newHousehold: { villageId, number: number.trim() } }),
        ...(relation ? { relation } : {}),
        seen: member.version,
      }),
    );
    if (moved) onMoved(`已将「${member.name}」迁入${moved.villageName} 户号 ${moved.householdNumber}。`);
  }

  return (
    <Modal
      title={`「${member.name}」迁出户号 ${from.number}`}
      open
      onCancel={onClose}
      onOk={() => void move()}
      okText={isNew ? '新立户并迁入' : '迁入'}
      cancelText="取消"
    >
      <Form layout="horizontal" labelCol={{ span: 6 }}>
        <Form.Item label="迁入村（社区）">
          <Select aria-label="迁入村（社区）" value={villageId} onChange={setVillageId} options={villages.map((v) => ({ value: v.id, label: v.name }))} />
        </Form.Item>
        <Form.Item
          label="迁入户号"
          extra={
            isNew
              ? `本村（社区）没有户号 ${number.trim()}，将新立此户。`
              : target
                ? `户主：${target.headName ?? '未设'}，${target.members} 人`
                : '输入户号，或从已有户中选择'
          }
        >
          <AutoComplete
            aria-label="迁入户号"
            value={number}
            onChange={setNumber}
            options={households
              .filter((h) => h.id !== from.id && h.number.includes(number.trim()))
              .slice(0, 20)
              .map((h) => ({ value: h.number, label: `${h.number}（${h.headName ?? '未设户主'}）` }))}
          />
        </Form.Item>
        <Form.Item label="与户主关系">
          <RelationInput label="新户中与户主关系" value={relation} onChange={setRelation} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
    </Modal>
  );
}
