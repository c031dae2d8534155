import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Switch, Tag } from 'antd';
import { PlainTable } from '../../PlainTable';
import type { InputRef } from 'antd';
import type { Result, Village } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { EditVillageButton } from './EditVillageButton';
import { RetireToggle } from './RetireToggle';
import { isAdmin, useSession } from '../../session';

export function VillagesCard() {
  const admin = isAdmin(useSession());
  const [villages, setVillages] = useState<Village[]>([]);
  const [showRetired, setShowRetired] = useState(false);
  const { run, error, setError } = useAction();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const codeInput = useRef<InputRef>(null);

  const reload = useCallback(async () => {
    const list = await run(() => invoke('villages.list', { includeRetired: showRetired }));
    if (list) setVillages(list);
  }, [run, showRetired]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // A clerk typing in a list of villages goes straight on to the next one, once the
  // table has re-rendered with the one just added.
  const [added, setAdded] = useState(0);
  useEffect(() => {
    if (added) codeInput.current?.focus();
  }, [added]);

  async function act(p: Promise<Result<Village>>): Promise<boolean> {
    if (!(await run(() => p))) return false;
    await reload();
    return true;
  }

  async function add(values: { code: string; name: string }) {
    if (await act(invoke('villages.add', { code: values.code ?? '', name: values.name ?? '' }))) {
      form.resetFields();
      setAdded((n) => n + 1);
    }
  }

  return (
    <Card
      title="村/社区"
      size="small"
      extra={
        <Space>
          <span>显示已停用</span>
          <Switch checked={showRetired} onChange={setShowRetired} aria-label="显示已停用" />
        </Space>
      }
    >
      {/* A clerk sees the villages; adding, renaming and retiring them is the administrator's. */}
      {admin ? null : <Alert style={{ marginBottom: 12 }} type="info" showIcon message="村（社区）由管理员维护。" />}
      <Form form={form} layout="inline" onFinish={add} style={{ marginBottom: 12, display: admin ? undefined : 'none' }}>
        <Form.Item label="代码" name="code">
          <Input ref={codeInput} placeholder="如：001" style={{ width: 140 }} aria-label="村/社区代码" />
        </Form.Item>
        <Form.Item label="名称" name="name">
          <Input placeholder="如：幸福村" style={{ width: 200 }} aria-label="村/社区名称" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            添加
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={error} role="alert" closable onClose={() => setError(null)} />}
      <PlainTable<Village>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={villages}
        locale={{ emptyText: admin ? '还没有村/社区，请在上方添加。' : '还没有村/社区，请管理员添加。' }}
        columns={[
          { title: '代码', dataIndex: 'code', width: 140 },
          { title: '名称', dataIndex: 'name' },
          // The village as the 医保 platform's 单位 for 批量参保登记 (导入导出 → 批量参保登记表).
          { title: '单位编号（医保平台）', width: 170, render: (_, v) => v.unitCode || <span style={{ color: '#999' }}>未填</span> },
          {
            title: '状态',
            width: 200,
            render: (_, v) => (v.retiredOn ? <Tag>已于 {v.retiredOn} 停用</Tag> : <Tag color="green">使用中</Tag>),
          },
          ...(!admin
            ? []
            : [
                {
                  title: '操作',
                  width: 280,
                  render: (_: unknown, v: Village) => (
                    <Space>
                      <EditVillageButton
                        button="改名"
                        title={`修改「${v.name}」的名称`}
                        label="新名称"
                        value={v.name}
                        onSave={(name) => act(invoke('villages.rename', { id: v.id, name }))}
                      />
                      <EditVillageButton
                        button="单位编号"
                        title={`「${v.name}」在医保平台的单位编号`}
                        label="单位编号"
                        value={v.unitCode}
                        onSave={(unitCode) => act(invoke('villages.setUnitCode', { id: v.id, unitCode }))}
                      />
                      <RetireToggle
                        retired={v.retiredOn !== null}
                        name={v.name}
                        consequence="停用后不再出现在新登记中，已有记录保留。"
                        onRestore={() => act(invoke('villages.restore', { id: v.id }))}
                        onRetire={() => act(invoke('villages.retire', { id: v.id }))}
                      />
                    </Space>
                  ),
                },
              ]),
        ]}
      />
    </Card>
  );
}
