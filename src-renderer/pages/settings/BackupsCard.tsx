import { useState } from 'react';
import { Alert, Button, Card, Input, Modal, Space, Tag } from 'antd';
import { PlainTable } from '../../PlainTable';
import { chinaTime } from '../../format';
import type { BackupFile } from '../../../src-main/api/contract';
import { invoke, onSeatPage } from '../../api';
import { isAdmin, useSession } from '../../session';
import { useInvoke } from '../../useInvoke';
import { useAction } from '../../useAction';
import { pageItem } from '../../a11y';
import { BusyButton } from '../../BusyButton';

const KINDS: Record<string, string> = {
  daily: '每日自动',
  import: '导入后',
  periodic: '定时自动',
  migration: '升级台账前',
  restore: '恢复备份前',
  manual: '手动',
};

/** A time as the office reads it (China time), whatever the PC's zone. */
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** 设置 → 备份: the list, back up now, to a chosen folder (a USB stick), and restore. */
export function BackupsCard() {
  const session = useSession();
  const admin = isAdmin(session);
  const list = useInvoke('backup.list', {});
  const backupAction = useAction();
  // A refusal of the restore is shown in its dialog, not behind it.
  const restoreAction = useAction();
  const busy = backupAction.busy || restoreAction.busy;
  const error = backupAction.error;
  const restoreError = restoreAction.error;
  const [notice, setNotice] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [restoring, setRestoring] = useState<BackupFile | null>(null);

  async function backUp(to?: string) {
    const made = await backupAction.run(() => (to ? invoke('backup.copyTo', { folder: to }) : invoke('backup.create', {})));
    if (!made) return;
    setNotice(`已备份：${made.file}（${size(made.bytes)}）`);
    list.reload();
  }

  async function restore() {
    if (!restoring) return;
    if (!(await restoreAction.run(() => invoke('backup.restore', { file: restoring.file })))) return;
    setRestoring(null);
    setNotice(`已恢复 ${chinaTime(restoring.createdAt)} 的备份；恢复前的台账已另存为一份“恢复备份前”的备份。`);
    list.reload();
    // The restored ledger has its own users: everyone logs in again.
    session.refresh();
  }

  return (
    <Card
      title="备份"
      size="small"
      extra={
        <BusyButton type="primary" busy={busy} onClick={() => void backUp()}>
          立即备份
        </BusyButton>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <span style={{ color: '#666' }}>
          每天第一次打开时、每次导入之后、使用中每 4 小时（有改动时）自动备份，保留最近 30 份及更早各月的最后一份；升级台账和恢复备份之前也各备份一次。
        </span>
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        {notice && <Alert type="success" showIcon message={notice} />}
        {/* A folder is a path on the main PC: from a seat it means nothing (the main PC refuses it). */}
        {admin && !onSeatPage() && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label="备份到文件夹"
              placeholder="备份到其他文件夹（如 U 盘）：输入文件夹路径，如 E:\\参保台账备份"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              onPressEnter={() => folder.trim() && void backUp(folder.trim())}
            />
            <BusyButton disabled={!folder.trim()} busy={busy} onClick={() => void backUp(folder.trim())}>
              备份到此文件夹
            </BusyButton>
          </Space.Compact>
        )}
        {list.error && <Alert type="error" showIcon message={list.error} />}
        <PlainTable<BackupFile>
          rowKey="file"
          size="small"
          loading={list.loading}
          dataSource={list.value ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, itemRender: pageItem }}
          locale={{ emptyText: '还没有备份。' }}
          columns={[
            { title: '时间', render: (_, b) => chinaTime(b.createdAt), width: 160 },
            { title: '类别', render: (_, b) => <Tag>{KINDS[b.reason] ?? b.reason}</Tag>, width: 120 },
            { title: '大小', render: (_, b) => size(b.bytes), width: 100, align: 'right' },
            { title: '文件', render: (_, b) => <span style={{ color: '#666' }}>{fileName(b.file)}</span> },
            ...(admin
              ? [
                  {
                    title: '',
                    width: 90,
                    render: (_: unknown, b: BackupFile) => (
                      <Button size="small" danger onClick={() => (restoreAction.setError(null), setRestoring(b))}>
                        恢复
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <Modal
        title="恢复备份"
        open={restoring !== null}
        okText="恢复"
        okButtonProps={{ danger: true, loading: busy }}
        cancelText="取消"
        onOk={() => void restore()}
        onCancel={() => setRestoring(null)}
        destroyOnHidden
      >
        {restoring && (
          <Space direction="vertical">
            <span>
              将用 <b>{chinaTime(restoring.createdAt)}</b> 的备份（{KINDS[restoring.reason] ?? restoring.reason}，{size(restoring.bytes)}）<b>替换现在的台账</b>
              ： 此后登记、导入的内容都会回到那时的样子。
            </span>
            <span>恢复前会先检查备份是否完好，并把现在的台账另存为一份“恢复备份前”的备份，需要时可以再恢复回来。恢复后所有人要重新登录。</span>
            {restoreError && <Alert type="error" showIcon message={restoreError} role="alert" />}
          </Space>
        )}
      </Modal>
    </Card>
  );
}
