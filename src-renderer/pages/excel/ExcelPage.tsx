import { useCallback, useEffect, useState } from 'react';
import { Space } from 'antd';
import type { ImportBatch } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useCoverageYears } from '../../years';
import { YearSelect } from '../YearSelect';
import { BatchesCard } from './BatchesCard';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';
import { PendingCard } from './PendingCard';

export function ExcelPage() {
  const { years, year, setYear } = useCoverageYears();
  const [batches, setBatches] = useState<ImportBatch[]>([]);
  const reload = useCallback(() => void invoke('import.batches', {}).then((r) => r.ok && setBatches(r.value)), []);
  useEffect(reload, [reload]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <YearSelect years={years} year={year} onChange={setYear} />
      <ImportCard years={years} onImported={reload} />
      <ExportCard year={year} />
      <PendingCard year={year} version={batches.length} />
      <BatchesCard batches={batches} onChange={reload} />
    </Space>
  );
}
