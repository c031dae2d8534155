import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import type { ImportColumns, ImportKind } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useGlossary } from '../../glossary';

type Mapping = Record<string, number | undefined>;

const letter = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * The file's first rows as they are, for a layout the program did not read by itself: the clerk
 * points at the header row and says which column holds each field. Confirmed, the mapping is
 * used for the dry run and remembered for the next file of this layout.
 */
export function ColumnsPicker({
  kind,
  file,
  onConfirm,
  onCancel,
  current,
}: {
  kind: ImportKind | 'targets';
  file: string;
  /** The columns and header row the last dry run used (or the clerk last chose), when correcting them. */
  current?: { mapping: Mapping; headerRow: number } | undefined;
  onConfirm: (mapping: Record<string, number>, headerRow: number) => void;
  onCancel: () => void;
}) {
  const g = useGlossary();
  const [cols, setCols] = useState<ImportColumns | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});

  useEffect(() => {
    void invoke('import.columns', { kind, file }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setCols(r.value);
      setHeaderRow(current?.headerRow ?? r.value.headerRow ?? r.value.rows[0]?.row ?? null);
      setMapping(current?.mapping ?? r.value.mapping);
    });
    // `current` is read once, when the picker opens for this file.
  }, [kind, file]);

  // Another header row: its columns are filled anew from the words the program knows. Without a
  // header (0) the columns stay as chosen, only their names change.
  const latest = useRef(0);
  function pickHeader(row: number) {
    setHeaderRow(row);
    if (row === 0) return;
    const ask = ++latest.current;
    void invoke('import.columns', { kind, file, headerRow: row }).then((r) => {
      if (ask !== latest.current) return;
      if (!r.ok) return setError(r.error.message);
      setMapping(r.value.mapping);
    });
  }

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!cols) return null;
  const header = cols.rows.find((r) => r.row === headerRow);
  const width = Math.max(0, ...cols.rows.map((r) => r.cells.length));
  // Without a header a column is shown by what its first row holds.
  const first = cols.rows[0];
  const options = Array.from({ length: width }, (_, i) => ({
    value: i,
    label: headerRow === 0 ? `${letter(i)} 列（如：${first?.cells[i]?.trim() || '空'}）` : `${letter(i)} 列：${header?.cells[i]?.trim() || '（无标题）'}`,
  }));
  const missing = cols.fields.filter((f) => f.required && mapping[f.key] === undefined);
  // One column fills one field: a column chosen twice would put an ID number into a name.
  const twice = options.filter((o) => cols.fields.filter((f) => mapping[f.key] === o.value).length > 1);
  const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined)) as Record<string, number>;

  return (
    <Card size="small" title="指定表头和各列" data-testid="columns-picker">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          message={
            current
              ? '下面是这次试导入所用的表头和各列。认错了的，在此改正表头所在的行或各项对应的列；确认后按此重新试导入，并记住这种格式。'
              : '程序没有自己认出这个文件的各列。下面先按表格的样子选了表头所在的行（标题行已跳过），认得的列已经填好；请核对表头行，再为其余各项选出文件中的列。确认后按此试导入，并记住这种格式，下次同样的文件会自动识别。'
          }
        />
        {cols.layoutDisagreements.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="layout-disagreements"
            message={`${cols.mappingNote}。下面先按表头文字选好了各列，请核对后再试导入。`}
            description={cols.layoutDisagreements.map((d) => (
              <div key={d.field}>{d.message}</div>
            ))}
          />
        )}
        <Table
          size="small"
          pagination={false}
          scroll={{ x: true }}
          rowKey="row"
          dataSource={cols.rows}
          rowClassName={(r) => (r.row === headerRow ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => r.row !== headerRow && pickHeader(r.row), style: { cursor: 'pointer' } })}
          columns={[
            { title: '行', dataIndex: 'row', width: 50, render: (n: number) => (n === headerRow ? <Tag color="blue">表头 {n}</Tag> : n) },
            ...Array.from({ length: Math.min(width, 20) }, (_, i) => ({
              title: letter(i),
              key: String(i),
              ellipsis: true,
              render: (_: unknown, r: { cells: string[] }) => r.cells[i] ?? '',
            })),
          ]}
        />
        <Space wrap>
          表头所在的行
          <Select
            aria-label="表头所在的行"
            style={{ width: 240 }}
            value={headerRow ?? undefined}
            onChange={pickHeader}
            options={[{ value: 0, label: '没有表头（第一行就是数据）' }, ...cols.rows.map((r) => ({ value: r.row, label: `第 ${r.row} 行` }))]}
          />
        </Space>
        <Space wrap size={[16, 8]}>
          {cols.fields.map((f) => (
            <Space key={f.key} size={4}>
              <span>
                {g.importFields[f.key] ?? f.key}
                {f.required && <span style={{ color: '#cf1322' }}>*</span>}
              </span>
              <Select
                aria-label={`${g.importFields[f.key] ?? f.key}所在的列`}
                allowClear
                placeholder="（不导入）"
                style={{ width: 200 }}
                value={mapping[f.key]}
                options={options}
                onChange={(v: number | undefined) => setMapping({ ...mapping, [f.key]: v })}
              />
            </Space>
          ))}
        </Space>
        {missing.length > 0 && <Alert type="warning" showIcon message={`还需要指定：${missing.map((f) => g.importFields[f.key] ?? f.key).join('、')}`} />}
        {twice.map((o) => (
          <Alert
            key={o.value}
            type="warning"
            showIcon
            message={`${letter(o.value)} 列同时选给了 ${cols.fields
              .filter((f) => mapping[f.key] === o.value)
              .map((f) => `“${g.importFields[f.key] ?? f.key}”`)
              .join('和')}，一列只能对应一项。`}
          />
        ))}
        <Space>
          <Button
            type="primary"
            disabled={headerRow === null || missing.length > 0 || twice.length > 0}
            onClick={() => headerRow !== null && onConfirm(clean, headerRow)}
          >
            按此试导入
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Space>
    </Card>
  );
}
