import { Alert, Button, Card, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { chinaTime } from '../../format';
import { useState } from 'react';
import type { ImportBatch } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { IMPORT_KINDS, countLabel } from './labels';
import { Refusal } from './Refusal';
import { pageItem } from '../../a11y';

/** A batch's counts, what it did first and its zeros after: the cell shows two lines of it, the tooltip all. */
function counted(b: ImportBatch): string {
  const all = Object.entries(b.counts as Record<string, number>);
  return [...all.filter(([, v]) => v !== 0), ...all.filter(([, v]) => v === 0)].map(([k, v]) => `${countLabel(k)} ${v}`).join('，');
}

export function BatchesCard({ batches, onChange }: { batches: ImportBatch[]; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null);
  // An undo refused because some of its persons were changed since: the clerk may undo the rest.
  const [partly, setPartly] = useState<number | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  async function undo(id: number, keepLater = false) {
    const r = await invoke('import.undo', { batchId: id, ...(keepLater ? { keepLater: true } : {}) });
    setError(r.ok ? null : r.error.message);
    setPartly(!r.ok && r.error.field === 'keepLater' ? id : null);
    setKept(
      r.ok && r.value.keptLater.length
        ? `已撤销第 ${id} 批，其中 ${r.value.keptLater.length} 人后来又被改过，保留了现在的样子：${r.value.keptLater.join('、')}。`
        : null,
    );
    onChange();
  }
  return (
    <Card title="导入记录" size="small">
      {error && (
        <Refusal
          message={error}
          action={
            partly !== null ? (
              <Popconfirm
                title="撤销其余部分？"
                description="上面这些人保留现在的样子，这批导入写入的其余内容退回。"
                okText="撤销其余部分"
                cancelText="不撤销"
                onConfirm={() => void undo(partly, true)}
              >
                <Button size="small" danger>
                  撤销其余部分
                </Button>
              </Popconfirm>
            ) : undefined
          }
        />
      )}
      {kept && <Alert type="warning" showIcon message={kept} style={{ marginBottom: 8 }} data-testid="undo-kept" />}
      <Table<ImportBatch>
        size="small"
        rowKey="id"
        dataSource={batches}
        pagination={{ pageSize: 8, showSizeChanger: false, itemRender: pageItem }}
        // At 1024 wide the result had the leftover width and ran to six lines: it has a third
        // of the table now, two lines at most (all of it on hover), and the kind and the file
        // share a column, the file's name under the kind, cut short where it is long.
        columns={[
          { title: '时间', width: 136, render: (_, b) => <span style={{ whiteSpace: 'nowrap' }}>{chinaTime(b.at)}</span> },
          {
            title: '内容 / 文件',
            ellipsis: { showTitle: false },
            render: (_, b) => (
              <>
                <div>{IMPORT_KINDS.find((k) => k.value === b.kind)?.label ?? b.kind}</div>
                <Typography.Text type="secondary" ellipsis={{ tooltip: b.fileName }} style={{ display: 'block' }}>
                  {b.fileName}
                </Typography.Text>
              </>
            ),
          },
          { title: '经办', dataIndex: 'actor', width: 100, ellipsis: true },
          {
            title: '结果',
            width: '34%',
            render: (_, b) => (
              <Tooltip title={counted(b)} placement="topLeft">
                <span className="two-lines" data-testid="batch-result">
                  {counted(b)}
                </span>
              </Tooltip>
            ),
          },
          {
            title: '',
            width: 96,
            render: (_, b) =>
              b.undoneAt ? (
                <Tag>已撤销</Tag>
              ) : (
                <Popconfirm
                  title="撤销整批导入？"
                  description="这批导入写入的内容将全部退回。"
                  okText="撤销"
                  cancelText="不撤销"
                  onConfirm={() => void undo(b.id)}
                >
                  <Button size="small" danger>
                    撤销整批
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
