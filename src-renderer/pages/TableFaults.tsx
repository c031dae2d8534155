import { Alert, Button } from 'antd';
import { useInvoke } from '../useInvoke';

/**
 * A county's table (categories.yaml, headers.yaml) with a fault: named with its file, line and
 * fault on 工作台 and 导入导出, so whoever edited it can fix it; the imports that need it refuse
 * until then. Nothing shows while the tables are fine. `refresh` reads them again (after a refusal).
 */
export function TableFaults({ refresh }: { refresh?: unknown }) {
  const tables = useInvoke('office.tables', {}, refresh);
  const broken = (tables.value ?? []).filter((t) => t.faults.length > 0);
  if (!broken.length) return null;
  return (
    <>
      {broken.map((t) => (
        <Alert
          key={t.file}
          type="error"
          showIcon
          data-testid="table-faults"
          message={`${t.title}（${t.file}）有误：${t.uses}暂停使用，改正前导入会被拒绝。`}
          description={
            <>
              {t.faults.map((f) => (
                <div key={f.text}>{f.text}</div>
              ))}
              <div style={{ color: '#666', marginTop: 4 }}>文件位置：{t.path}。改正并保存后点“重新检查”，不用重启程序。</div>
            </>
          }
          action={
            <Button size="small" onClick={tables.reload}>
              重新检查
            </Button>
          }
        />
      ))}
    </>
  );
}
