// 设置 → 多台电脑, at the main PC (issue 30): let the office's other PCs work on this ledger over
// the LAN: choose the network card, turn it on or off, show a one-time pairing code, export the
// certificate for a browser seat, and see and revoke the PCs paired. Asked again every few
// seconds while on screen (quietly: it keeps no login alive), so a seat pairing shows at once.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { PlainTable } from '../../PlainTable';
import { chinaTime } from '../../format';
import type { LanStatus, Result, Seat } from '../../../src-main/api/contract';
import { invoke, saveFile } from '../../api';
import { isAdmin, useSession } from '../../session';
import { useInvoke } from '../../useInvoke';
import { useAction } from '../../useAction';
import { SeatConnectCard } from './SeatConnectCard';
import { CertificateGuide } from './CertificateGuide';

const POLL_MS = 5000;

/** 123456 → 123 456, as people read a code aloud. */
const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

export function LanCard() {
  const session = useSession();
  const admin = isAdmin(session);
  const [tick, setTick] = useState(0);
  const status = useInvoke('lan.status', admin ? {} : null, tick);
  // The status a change answered with, shown until the next asking answers (a new code at once).
  const [fresh, setFresh] = useState<LanStatus | null>(null);
  useEffect(() => setFresh(null), [status.value]);
  const action = useAction();
  const [chosen, setChosen] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Seat | null>(null);
  const [guide, setGuide] = useState<{ thumbprint: string } | null>(null);
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Only while this tab is on screen in a window in front: nothing asked from a hidden tab.
    const t = setInterval(() => {
      if (!document.hidden && card.current?.offsetParent) setTick((n) => n + 1);
    }, POLL_MS);
    return () => clearInterval(t);
  }, []);

  if (!admin)
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title="多台电脑" size="small">
          只有管理员可以设置其他电脑的连接。
        </Card>
        <SeatConnectCard />
      </Space>
    );
  const s = fresh ?? status.value;
  const iface = chosen ?? (s?.interface || s?.interfaces[0]?.name || null);

  /** A change, then the status as it stands after it (the listener starts once the change has landed). */
  async function change(call: () => Promise<Result<unknown>>): Promise<boolean> {
    const after = await action.run(async (): Promise<Result<LanStatus>> => {
      const r = await call();
      if (!r.ok) return r;
      return invoke('lan.status', {});
    });
    if (after) setFresh(after);
    return after !== null;
  }

  async function exportCertificate() {
    const made = await action.run(() => invoke('lan.exportCertificate', {}));
    if (!made) return;
    // The guide goes with a certificate saved: not when the saving failed.
    if (await action.run(() => saveFile(made.file).then((r) => (r.ok ? { ok: true as const, value: made } : r)))) setGuide({ thumbprint: made.thumbprint });
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} ref={card}>
      <Card title="允许所里的其他电脑连接这台主电脑" size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            打开后，所里其他电脑（座席）通过局域网使用这台电脑上的台账：每人在自己的电脑上登录、收款、打印收据；收据号由这台主电脑统一编排。这台电脑关机时，其他电脑不能使用。
          </Typography.Paragraph>
          {status.error && <Alert type="error" showIcon message={status.error} />}
          {action.error && <Alert type="error" showIcon message={action.error} role="alert" />}
          {s && !s.available && <Alert type="info" showIcon message="这个版本的 canbao 不能为其他电脑提供服务。" />}
          {s?.available && (
            <Space wrap>
              <span>网卡：</span>
              <Select
                aria-label="网卡"
                style={{ minWidth: 320 }}
                value={iface}
                disabled={s.enabled}
                notFoundContent="这台电脑现在没有连接局域网"
                onChange={setChosen}
                options={s.interfaces.map((i) => ({ value: i.name, label: `${i.name}（${i.addresses.join('，')}）` }))}
              />
              {s.enabled ? (
                <Popconfirm
                  title="关闭后，其他电脑立即断开，正在填写的内容请先让他们保存。确定关闭？"
                  okText="关闭"
                  cancelText="取消"
                  onConfirm={() => change(() => invoke('lan.disable', {}))}
                >
                  <Button danger loading={action.busy}>
                    关闭连接
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="primary" loading={action.busy} disabled={!iface} onClick={() => void change(() => invoke('lan.enable', { interface: iface! }))}>
                  允许其他电脑连接
                </Button>
              )}
              {s.enabled ? (
                <Tag color={s.listening.length ? 'green' : 'orange'}>{s.listening.length ? '已打开' : '已打开，暂时连不上'}</Tag>
              ) : (
                <Tag>未打开</Tag>
              )}
            </Space>
          )}
          {s?.enabled && s.problem && <Alert type="warning" showIcon message={s.problem} />}
          {s && s.listening.length > 0 && (
            <Serving status={s} busy={action.busy} onCode={() => change(() => invoke('lan.showCode', {}))} onExport={() => void exportCertificate()} />
          )}
        </Space>
      </Card>
      {s && (s.enabled || s.seats.length > 0) && (
        <Card title="已配对的电脑" size="small">
          <PlainTable<Seat>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={s.seats}
            locale={{ emptyText: '还没有电脑配对。' }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '配对时间', render: (_, x) => chinaTime(x.pairedAt) },
              { title: '最后连接', render: (_, x) => (x.lastSeenAt ? `${chinaTime(x.lastSeenAt)}（${x.lastAddress ?? ''}）` : '配对后还没有使用') },
              {
                title: '状态',
                render: (_, x) =>
                  x.revokedAt ? (
                    <Tag>
                      已取消（{chinaTime(x.revokedAt)}，{x.revokedBy}）
                    </Tag>
                  ) : (
                    <Tag color="green">可以使用</Tag>
                  ),
              },
              {
                title: '',
                width: 200,
                render: (_, x) =>
                  x.revokedAt ? null : (
                    <Space>
                      <Button size="small" onClick={() => (action.setError(null), setRenaming(x))}>
                        改名
                      </Button>
                      <Popconfirm
                        title={`取消「${x.name}」的连接？它会立即断开，以后要重新配对才能使用。`}
                        okText="取消连接"
                        cancelText="不取消"
                        onConfirm={() => change(() => invoke('lan.revokeSeat', { id: x.id }))}
                      >
                        <Button size="small" danger>
                          取消连接
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {/* A PC serving the others is the main PC; one that is not may be a seat. */}
      {s && !s.enabled && <SeatConnectCard />}
      <RenameModal
        seat={renaming}
        error={action.error}
        onClose={() => setRenaming(null)}
        onRename={async (name) => (await change(() => invoke('lan.renameSeat', { id: renaming!.id, name }))) && setRenaming(null)}
      />
      {guide && s && <CertificateGuide status={s} thumbprint={guide.thumbprint} onClose={() => setGuide(null)} />}
    </Space>
  );
}

function Serving(props: { status: LanStatus; busy: boolean; onCode: () => Promise<boolean>; onExport: () => void }) {
  const s = props.status;
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="其他电脑输入的地址">
          <Space direction="vertical" size={0}>
            {s.urls.map((u) => (
              <Typography.Text key={u} copyable>
                {u}
              </Typography.Text>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="证书指纹（配对时核对）">
          <Typography.Text strong style={{ fontFamily: 'Consolas, monospace', fontSize: 18, letterSpacing: 1 }} aria-label="证书指纹">
            {s.fingerprint}
          </Typography.Text>
        </Descriptions.Item>
        {s.certificateUntil && (
          <Descriptions.Item label="证书有效期至">
            <Space wrap>
              {chinaTime(s.certificateUntil)}（到期前自动更新，不用重新配对）
              <Button size="small" onClick={props.onExport}>
                导出证书（用浏览器连接时安装）
              </Button>
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space align="center" wrap>
        <Button loading={props.busy} onClick={() => void props.onCode()}>
          {s.pairing ? '换一个配对码' : '显示配对码'}
        </Button>
        {s.pairing ? (
          <>
            <Typography.Text strong style={{ fontSize: 28, letterSpacing: 4, fontFamily: 'Consolas, monospace' }} aria-label="配对码">
              {spaced(s.pairing.code)}
            </Typography.Text>
            <Typography.Text type="secondary">{chinaTime(s.pairing.until)} 前有效，只能连接一台电脑。</Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">要连接一台电脑时点这里，在那台电脑上输入这个码。</Typography.Text>
        )}
      </Space>
    </>
  );
}

function RenameModal(props: { seat: Seat | null; error: string | null; onClose: () => void; onRename: (name: string) => Promise<unknown> }) {
  const [name, setName] = useState('');
  useEffect(() => setName(props.seat?.name ?? ''), [props.seat]);
  return (
    <Modal
      title="电脑改名"
      open={props.seat !== null}
      okText="保存"
      cancelText="取消"
      onCancel={props.onClose}
      onOk={() => void props.onRename(name)}
      destroyOnHidden
    >
      <Input aria-label="电脑名称" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      {props.error && <Alert type="error" showIcon message={props.error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
