import { useState } from 'react';
import { Alert, Button, Card, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { PlainTable } from '../../PlainTable';
import type { PolicySummary } from '../../../src-main/api/contract';
import { useAction } from '../../useAction';
import { invoke, uploadFile } from '../../api';
import { yuan } from '../../format';
import { useInvoke } from '../../useInvoke';
import { ADMIN_ONLY, isAdmin, useSession } from '../../session';
import { useOffice } from '../../office';
import { YearsCard } from './YearsCard';
import { CompareCard } from './CompareCard';
import { NewSeasonCard } from './NewSeasonCard';

const TIERS: Record<number, string> = { 1: '一档', 2: '二档' };

export function PoliciesPage() {
  const admin = isAdmin(useSession());
  const { office: ours } = useOffice();
  const [shown, setShown] = useState<string | null>(null);
  const { run, error } = useAction();
  // The hook's dialogs, unlike Modal.confirm, follow the app's settings (locale, button names).
  const [modal, modalHolder] = Modal.useModal();
  const [imported, setImported] = useState<string | null>(null);
  const list = useInvoke('policies.list', {});
  const office = useInvoke('office.policies', {});
  const subsidies = useInvoke('policies.table', shown ? { policyId: shown } : null);
  const policies = list.value ?? [];
  const inForce: Record<number, string> = Object.fromEntries((office.value ?? []).map((x) => [x.coverageYear, x.policyId]));
  const table = shown ? subsidies.value : null;
  const shownError = error ?? list.error ?? office.error ?? subsidies.error;

  async function importFile(f: File) {
    setImported(null);
    const up = await run(() => uploadFile(f));
    const policy = up && (await run(() => invoke('policies.import', { file: up.file, name: f.name })));
    if (!policy) return;
    setImported(`已导入「${policy.name}」，可在上方选用。`);
    list.reload();
  }

  // Replacing a year's policy, or choosing another place's, is said before it is done; the
  // county's own notice binds every township in it, so it is no other place's.
  function choose(year: number, policyId: string) {
    const next = policies.find((p) => p.id === policyId);
    const current = policies.find((p) => p.id === inForce[year]);
    const place = ours ? `${ours.county}${ours.townshipName}` : '';
    const elsewhere = next?.fit === 'other';
    if (!current && !elsewhere) return void save(year, policyId);
    modal.confirm({
      title: current ? `把 ${year} 年度的政策改为「${next?.name}」？` : `为 ${year} 年度选用「${next?.name}」？`,
      content: (
        <>
          {current && <p>现用「{current.name}」。改选后，新的参保登记按新政策计算；已经登记的参保记录保持当时的金额和待遇期，不会改变。</p>}
          {elsewhere && (
            <p>
              <strong>这份政策不是本所（{place}）的。</strong>请确认本所确实执行这份政策。
            </p>
          )}
        </>
      ),
      okText: '确定改用',
      cancelText: '取消',
      onOk: () => save(year, policyId),
    });
  }

  async function save(year: number, policyId: string) {
    if (await run(() => invoke('office.setPolicy', { coverageYear: year, policyId }))) office.reload();
  }

  const years = [...new Set(policies.filter((p) => !p.abstract).map((p) => p.coverageYear))].sort();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      {modalHolder}
      {shownError && <Alert type="error" showIcon message={shownError} role="alert" />}
      <Card title="本所各年度适用的政策" size="small">
        <Space direction="vertical">
          {!admin && <Typography.Text type="secondary">只有管理员可以选择或更改本所适用的政策；如还没有选择，请联系管理员。</Typography.Text>}
          {years.map((y) => (
            <Space key={y}>
              <span style={{ width: 90, display: 'inline-block' }}>{y} 年度：</span>
              <Select
                style={{ width: 560 }}
                placeholder="请选择"
                aria-label={`${y}年度政策`}
                disabled={!admin}
                title={admin ? undefined : ADMIN_ONLY}
                value={inForce[y]}
                onChange={(v) => choose(y, v)}
                options={policies.filter((p) => p.coverageYear === y && !p.abstract).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Space>
          ))}
        </Space>
      </Card>
      {office.value && <NewSeasonCard admin={admin} inForce={inForce} onChanged={office.reload} />}
      <YearsCard admin={admin} policyName={(id) => policies.find((p) => p.id === id)?.name ?? `${id}（政策文件已不在）`} refresh={JSON.stringify(inForce)} />
      <Card
        title="政策文件"
        size="small"
        data-testid="policy-files"
        extra={
          admin ? (
            <Upload accept=".yaml,.yml" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
              <Button>导入政策文件…</Button>
            </Upload>
          ) : null
        }
      >
        {imported && <Alert type="success" showIcon message={imported} style={{ marginBottom: 8 }} />}
        <PlainTable<PolicySummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={policies}
          onRow={(p) => ({ onClick: () => setShown(p.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '地区', dataIndex: 'region' },
            { title: '年度', dataIndex: 'coverageYear', width: 80 },
            { title: '依据文件', render: (_, p) => p.sources.map((s) => s.number).join('；') },
            {
              title: '',
              width: 160,
              render: (_, p) => (p.abstract ? <Tag>基础政策</Tag> : Object.values(inForce).includes(p.id) ? <Tag color="blue">本所使用中</Tag> : null),
            },
          ]}
        />
      </Card>
      {office.value && <CompareCard policies={policies} inForce={inForce} />}
      {table && (
        <Card size="small" title={<Typography.Text strong>{table.title}</Typography.Text>}>
          <PlainTable
            rowKey={(r) => `${r.department}-${r.category}-${r.tier}`}
            size="small"
            pagination={false}
            dataSource={table.rows}
            columns={[
              { title: '资助部门', dataIndex: 'department' },
              { title: '特殊人员类别', dataIndex: 'category' },
              { title: '参保档次', render: (_, r) => TIERS[r.tier] },
              { title: '资助金额（元）', align: 'right', render: (_, r) => yuan(r.subsidyFen) },
              { title: '个人自付（元）', align: 'right', render: (_, r) => yuan(r.personalFen) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
