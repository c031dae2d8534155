import { Alert, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { chinaTime } from '../../format';
import { useState } from 'react';
import type { ImportBatch } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { IMPORT_KINDS, countLabel } from './labels';

export function BatchesCard({ batches, onChange }: { batches: ImportBatch[]; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null);
  async function undo(id: number) {
    const r = await invoke('import.undo', { batchId: id });
    setError(r.ok ? null : r.error.message);
    onChange();
  }
  return (
    <Card title="导入记录" size="small">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Table<ImportBatch>
        size="small"
        rowKey="id"
        dataSource={batches}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        columns={[
          { title: '时间', width: 150, render: (_, b) => chinaTime(b.at) },
          { title: '内容', width: 130, render: (_, b) => IMPORT_KINDS.find((k) => k.value === b.kind)?.label ?? b.kind },
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          { title: '经办', dataIndex: 'actor', width: 90 },
          {
            title: '结果',
            render: (_, b) =>
              Object.entries(b.counts)
                .map(([k, v]) => `${countLabel(k)} ${v}`)
                .join('，'),
          },
          {
            title: '',
            width: 110,
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
