// Which years tell who lapsed (docs/rules.md "Which files make a year known"): a year is known for everyone only by
// the office's mark or by an import the clerk confirmed as the township's full list. Each year
// shows how it became known (which import or whose mark, when), and the admin may withdraw it.
import { Alert, Button, Card, Modal, Space, Tag, Typography } from 'antd';
import { PlainTable } from '../../PlainTable';
import type { HistoryYear, KnownWayView } from '../../../src-main/api/contract';
import { useAction } from '../../useAction';
import { invoke } from '../../api';
import { useInvoke } from '../../useInvoke';
import { ADMIN_ONLY } from '../../session';

const when = (at: string) => at.slice(0, 10);

function Way({ w, admin, onWithdraw }: { w: KnownWayView; admin: boolean; onWithdraw: () => void }) {
  const how = w.batch
    ? `导入全部名单「${w.batch.fileName}」（第 ${w.batch.id} 批，名单中有台账 ${w.persons} 人）`
    : `本所标记齐全（当时 ${w.persons} 人按未参保计算）`;
  return (
    <div data-testid="known-way" style={{ fontSize: 12 }}>
      <Typography.Text delete={!w.inForce} type={w.inForce ? undefined : 'secondary'}>
        {how}：{w.by} 于 {when(w.at)}
      </Typography.Text>
      {w.withdrawn && (
        <Typography.Text type="secondary">
          {' '}
          ——已由{w.withdrawn.by}于 {when(w.withdrawn.at)} 撤回
        </Typography.Text>
      )}
      {w.batch?.undone && <Typography.Text type="secondary"> ——该批导入已撤销</Typography.Text>}
      {w.inForce && (
        <Button size="small" type="link" disabled={!admin} title={admin ? undefined : ADMIN_ONLY} onClick={onWithdraw}>
          撤回
        </Button>
      )}
    </div>
  );
}

export function YearsCard({ admin, policyName, refresh }: { admin: boolean; policyName: (id: string) => string; refresh: unknown }) {
  // Read again when a year's policy is chosen above: the new year joins the list.
  const years = useInvoke('history.years', {}, refresh);
  const { run, error } = useAction();
  const [modal, contextHolder] = Modal.useModal();

  async function mark(year: number) {
    const p = await run(() => invoke('history.previewMark', { year }));
    if (!p) return;
    const ok = await modal.confirm({
      title: `标记 ${year} 年度参保记录齐全？`,
      content: `标记后，${year} 年度台账中没有参保记录的 ${p.turns} 人都按“未参保”计算断保和等待期（医保记录为终止、暂停参保的人仍按情况不明）。以后可以撤回。`,
      okText: `标记（${p.turns} 人按未参保）`,
      cancelText: '取消',
    });
    if (!ok) return;
    await run(() => invoke('history.markYear', { year, turns: p.turns }));
    years.reload();
  }

  async function withdraw(y: HistoryYear, w: KnownWayView) {
    const ok = await modal.confirm({
      title: `撤回 ${y.year} 年度的这条依据？`,
      content: w.batch
        ? `撤回后，「${w.batch.fileName}」中的缴费记录仍然有效，但不再作为本乡镇 ${y.year} 年度的全部名单；名单中没有的人不再按未参保计算。`
        : `撤回后，${y.year} 年度没有参保记录的人不再按未参保计算。`,
      okText: '撤回',
      cancelText: '取消',
    });
    if (!ok) return;
    await run(() => invoke('history.withdraw', { id: w.id }));
    years.reload();
  }

  return (
    <Card title="各年度参保情况是否已知（据此推算断保）" size="small" data-testid="years-card">
      {contextHolder}
      {(error ?? years.error) && <Alert type="error" showIcon message={error ?? years.error} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        居民也可能自行在网上缴费。只有导入了本乡镇某年度的全部参保（缴费）名单并在试导入时确认是全部名单，或由管理员标记该年度记录齐全后，该年度没有参保记录的人才按“未参保”计算断保；否则视为情况不明，登记时提示核实。代缴明细、请款明细和困难人员名单只说明名单上的人已参保。本系统启用以前的年度，只能导入医保系统的全部参保名单。
      </Typography.Paragraph>
      <PlainTable<HistoryYear>
        rowKey="year"
        size="small"
        pagination={false}
        loading={years.loading}
        dataSource={years.value ?? []}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '本所政策', width: 320, render: (_, y) => (y.policyId ? policyName(y.policyId) : '本系统启用以前') },
          {
            title: '参保情况',
            render: (_, y) => (
              <Space direction="vertical" size={0}>
                {y.known ? <Tag color="green">已知：{y.known}</Tag> : <Tag>未知：没有参保记录的人按情况不明</Tag>}
                {y.ways.map((w) => (
                  <Way key={w.id} w={w} admin={admin} onWithdraw={() => void withdraw(y, w)} />
                ))}
              </Space>
            ),
          },
          {
            title: '标记齐全',
            width: 110,
            render: (_, y) =>
              y.canMark ? (
                <Button
                  size="small"
                  disabled={!admin}
                  title={admin ? undefined : ADMIN_ONLY}
                  onClick={() => void mark(y.year)}
                  aria-label={`标记${y.year}年度记录齐全`}
                >
                  标记齐全…
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
