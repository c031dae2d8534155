import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Input, Progress, Select, Space, Table, Upload } from 'antd';
import type { ImportBatch, ImportKind, ImportOptions, ImportPreview, ImportProblem } from '../../../src-main/api/contract';
import { invoke, saveFile, uploadFile } from '../../api';
import { label, useGlossary } from '../../glossary';
import { useJob } from '../../jobs';
import { deskToday } from '../../format';
import { ColumnsPicker } from './ColumnsPicker';
import { Refusal } from './Refusal';
import { FileYears } from './FileYears';
import { FlagValues } from './FlagValues';
import { IMPORT_KINDS, countLabel } from './labels';
import { OptionalDayPicker } from '../DayPicker';
import { TableFaults } from '../TableFaults';
import { pageItem } from '../../a11y';

type Mapping = Record<string, number | undefined>;

export function ImportCard({ years, onImported }: { years: number[]; onImported: (b: ImportBatch) => void }) {
  const g = useGlossary();
  const { job, run, cancel } = useJob();
  const [kind, setKind] = useState<ImportKind>('roster');
  const [tried, setTried] = useState<{ mapping: Mapping; headerRow: number } | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ validFrom: deskToday() });
  const [file, setFile] = useState<{ path: string; name: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // The years the clerk confirms the file is the township's full list of; asked again for each dry run.
  const [fullList, setFullList] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<(ImportBatch & { note?: string }) | null>(null);
  const [reportNote, setReportNote] = useState<string | null>(null);
  // A commit refused because the ledger changed since the dry run: what to dry-run again with.
  const [stale, setStale] = useState<{ mapping: Mapping; headerRow: number } | null>(null);
  // Shown when a dry run could not find the header or a needed column: the clerk maps the file by hand.
  const [picking, setPicking] = useState(false);

  const optionsFor = (k: ImportKind): ImportOptions => {
    if (k === 'categories')
      return {
        ...(options.department ? { department: options.department } : {}),
        ...(options.code ? { code: options.code } : {}),
        validFrom: options.validFrom || deskToday(),
        ...(options.endLost ? { endLost: true } : {}),
      };
    if (k === 'payments')
      return { coverageYear: options.coverageYear ?? years.at(-1) ?? new Date().getFullYear() + 1, ...(options.paidOn ? { paidOn: options.paidOn } : {}) };
    return {};
  };

  async function check(path: string, withMapping?: Mapping, headerRow?: number) {
    // What the clerk chose stays chosen if the dry run refuses it: the picker reopens on it.
    setTried(withMapping && headerRow !== undefined ? { mapping: withMapping, headerRow } : null);
    setError(null);
    setDone(null);
    setPicking(false);
    setStale(null);
    const clean = withMapping ? Object.fromEntries(Object.entries(withMapping).filter(([, v]) => v !== undefined)) : undefined;
    const r = await run((jobId) =>
      invoke('import.preview', {
        kind,
        file: path,
        options: optionsFor(kind),
        jobId,
        ...(clean ? { mapping: clean } : {}),
        ...(headerRow !== undefined ? { headerRow } : {}),
      }),
    );
    if (!r.ok) {
      setPreview(null);
      // A layout the program did not read: the columns can be pointed at on screen.
      // A list whose category column was not found may well have one under another name.
      if ((r.error.field === 'file' && /表头|列/.test(r.error.message)) || r.error.field === 'mapping' || r.error.field === 'options.code') setPicking(true);
      return setError(r.error.message);
    }
    setPreview(r.value);
    setFullList([]);
    // A saved layout set aside for disagreeing with the header words: the columns are shown to check.
    if (r.value.layoutDisagreements.length) setPicking(true);
  }

  async function choose(f: File) {
    setPreview(null);
    const up = await uploadFile(f);
    if (!up.ok) return setError(up.error.message);
    setFile({ path: up.value.file, name: f.name });
    await check(up.value.file);
  }

  async function commit() {
    if (!preview) return;
    const r = await run((jobId) => invoke('import.commit', { token: preview.token, jobId, ...(fullList.length ? { fullList } : {}) }));
    if (!r.ok) {
      // The ledger changed under the dry run: its answer no longer holds, a fresh one is offered.
      if (r.error.field === 'token') {
        setStale({ mapping: preview.mapping, headerRow: preview.headerRow });
        setPreview(null);
      }
      return setError(r.error.message);
    }
    setPreview(null);
    setFile(null);
    setDone(r.value);
    onImported(r.value);
  }

  async function report() {
    if (!preview) return;
    const r = await invoke('import.report', { token: preview.token });
    if (!r.ok) return setError(r.error.message);
    const { omittedRows, omittedColumns } = r.value;
    setReportNote(
      omittedRows || omittedColumns
        ? `问题报告列出了 ${r.value.rows} 行${omittedRows ? `，另有 ${omittedRows} 行未列入` : ''}${omittedColumns ? `；文件后面的 ${omittedColumns} 列未列入` : ''}（报告末尾有说明）。`
        : null,
    );
    const s = await saveFile(r.value.file);
    if (!s.ok) setError(s.error.message);
  }

  const writable = (preview?.writable ?? false) || fullList.length > 0;
  const busy = job !== null;
  return (
    <Card title="导入 Excel / CSV" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {/* Read again after each refusal: a table broken since the screen opened is named too. */}
        <TableFaults refresh={error} />
        <Space wrap>
          导入内容
          <Select
            aria-label="导入内容"
            value={kind}
            style={{ width: 220 }}
            disabled={busy}
            onChange={(k: ImportKind) => (setKind(k), setPreview(null), setFile(null), setPicking(false), setError(null))}
            options={IMPORT_KINDS.map((k) => ({ value: k.value, label: k.label }))}
          />
          <span style={{ color: '#666' }}>{IMPORT_KINDS.find((k) => k.value === kind)?.hint}</span>
        </Space>
        {kind === 'categories' && (
          <Space wrap>
            认定部门
            <Select
              aria-label="认定部门"
              style={{ width: 200 }}
              value={options.department}
              onChange={(d) => setOptions({ ...options, department: d })}
              options={Object.entries(g.departments).map(([value, l]) => ({ value, label: l }))}
              placeholder="请选择"
            />
            人员类别
            <Select
              aria-label="名单类别"
              allowClear
              style={{ width: 240 }}
              value={options.code}
              onChange={(c) => setOptions({ ...options, code: c })}
              options={Object.entries(g.categories).map(([value, l]) => ({ value, label: l }))}
              placeholder="按文件中的类别列"
            />
            认定日期
            <Input
              aria-label="认定日期"
              style={{ width: 130 }}
              value={options.validFrom}
              onChange={(e) => setOptions({ ...options, validFrom: e.target.value })}
            />
            <Checkbox checked={!!options.endLost} onChange={(e) => setOptions({ ...options, endLost: e.target.checked })}>
              这是该部门的全部名单：上一份全部名单有、本次没有的人员终止该类别
            </Checkbox>
          </Space>
        )}
        {kind === 'payments' && (
          <Space>
            参保年度（文件无年度列时）
            <Select
              aria-label="缴费参保年度"
              style={{ width: 120 }}
              value={options.coverageYear ?? years.at(-1)}
              onChange={(y) => setOptions({ ...options, coverageYear: y })}
              options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
            />
            缴费日期（文件无日期列时，如请款明细）
            <OptionalDayPicker
              label="整批缴费日期"
              value={options.paidOn ?? null}
              onChange={(d) => setOptions({ ...options, ...(d ? { paidOn: d } : { paidOn: undefined }) })}
            />
          </Space>
        )}
        <Upload accept=".xlsx,.csv,.xls" showUploadList={false} disabled={busy} beforeUpload={(f) => (void choose(f), false)}>
          <Button type={preview ? 'default' : 'primary'} disabled={busy}>
            选择文件…
          </Button>
        </Upload>
        {file && <span data-testid="import-file">文件：{file.name}</span>}
        {job && (
          <Space style={{ width: '100%' }}>
            <span>{job.phase}</span>
            <Progress style={{ width: 360 }} percent={job.total ? Math.floor((job.done * 100) / job.total) : 0} status="active" />
            <Button danger onClick={cancel}>
              取消
            </Button>
          </Space>
        )}
        {error && (
          <Refusal
            message={error}
            action={
              stale && file ? (
                <Button size="small" type="primary" onClick={() => void check(file.path, stale.mapping, stale.headerRow)}>
                  按现在的台账重新试导入
                </Button>
              ) : undefined
            }
          />
        )}
        {picking && file && !busy && (
          <ColumnsPicker
            kind={kind}
            file={file.path}
            current={preview ? { mapping: preview.mapping, headerRow: preview.headerRow } : (tried ?? undefined)}
            onCancel={() => setPicking(false)}
            onConfirm={(m, headerRow) => void check(file.path, m, headerRow)}
          />
        )}
        {reportNote && preview && <Alert type="info" showIcon message={reportNote} />}
        {done && (
          <Alert
            type={done.note ? 'warning' : 'success'}
            showIcon
            data-testid="import-done"
            message={`已导入「${done.fileName}」：${Object.entries(done.counts)
              .map(([k, v]) => `${countLabel(k)} ${v}`)
              .join('，')}`}
            {...(done.note ? { description: done.note } : {})}
          />
        )}
        {preview && (
          <>
            <MappingNote preview={preview} />
            <Descriptions
              size="small"
              bordered
              column={6}
              data-testid="import-counts"
              items={[
                { key: 'rows', label: '数据行', children: preview.rows },
                ...Object.entries(preview.counts).map(([k, v]) => ({ key: k, label: countLabel(k), children: v })),
              ]}
            />
            {preview.flags && preview.flags.length > 0 && <FlagValues flags={preview.flags} />}
            <FileYears years={preview.years} value={fullList} onChange={setFullList} />
            <Space>
              <Button type="primary" disabled={busy || !writable} onClick={() => void commit()}>
                确认导入
              </Button>
              {(preview.problems.length > 0 || preview.pending.length > 0) && <Button onClick={() => void report()}>下载问题报告</Button>}
              <Button onClick={() => setPreview(null)}>放弃</Button>
            </Space>
            {preview.problems.length > 0 && (
              <ProblemTable title={`问题行（${preview.counts.problems ?? preview.problems.length} 行不会导入）`} rows={preview.problems} />
            )}
            {preview.pending.length > 0 && <ProblemTable title="待核实（导入后列入待核实名单）" rows={preview.pending} />}
            {preview.already.length > 0 && <ProblemTable title="已登记过的缴费（不再导入）" rows={preview.already} />}
            {preview.changes.length > 0 && (
              <Table
                size="small"
                title={() => '将要改动的人员（确认导入后生效）'}
                rowKey="row"
                dataSource={preview.changes}
                pagination={{ pageSize: 10, showSizeChanger: false, itemRender: pageItem }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '姓名', dataIndex: 'name', width: 90 },
                  { title: '身份证号', dataIndex: 'idNumber', width: 180 },
                  { title: '改动', render: (_, c) => c.what.map((w) => <div key={w}>{w}</div>) },
                ]}
              />
            )}
            {preview.lostHeld && (
              <Alert type="warning" showIcon data-testid="lost-held" message="有读不出的行：这份全部名单这次不生效" description={preview.lostHeld} />
            )}
            {preview.lost.length > 0 && (
              <Table
                size="small"
                title={() => '上次名单有、本次名单没有的人员'}
                rowKey="idNumber"
                dataSource={preview.lost}
                pagination={{ pageSize: 10, itemRender: pageItem }}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '身份证号', dataIndex: 'idNumber' },
                  { title: '类别', render: (_, l) => label(g.categories, l.code) },
                ]}
              />
            )}
            {!picking && (
              <Button style={{ alignSelf: 'flex-start' }} disabled={busy || !file} onClick={() => setPicking(true)}>
                列认错了？更正表头和各列…
              </Button>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

/** Which column mapping the dry run used, said near the mapping; a saved layout set aside, with why. */
function MappingNote({ preview }: { preview: ImportPreview }) {
  if (!preview.layoutDisagreements.length)
    return (
      <span data-testid="mapping-note" style={{ color: '#666' }}>
        各列对应：{preview.mappingNote}
      </span>
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="mapping-note"
      message={`各列对应：${preview.mappingNote}。请核对下面的各列，特别是姓名是否读对了。`}
      description={preview.layoutDisagreements.map((d) => (
        <div key={d.field}>{d.message}</div>
      ))}
    />
  );
}

function ProblemTable({ title, rows }: { title: string; rows: ImportProblem[] }) {
  const g = useGlossary();
  return (
    <Table<ImportProblem>
      size="small"
      title={() => title}
      rowKey={(p) => `${p.row}-${p.field}-${p.message}`}
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false, itemRender: pageItem }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 80 },
        { title: '字段', width: 120, render: (_, p) => (p.field ? label(g.importFields, p.field) : '') },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
