import { useState } from 'react';
import { Alert, Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useInvoke } from '../../useInvoke';
import { useSession } from '../../session';
import { deskToday, percent, rateBp } from '../../format';
import { useCoverageYears } from '../../years';
import { PersonDrawer } from '../roster/PersonDrawer';
import { YearSelect } from '../YearSelect';
import { TableFaults } from '../TableFaults';
import { VillageBars } from './VillageBars';
import { WorkList, type ListKey } from './WorkList';
import { TileTitle } from './TileTitle';
import { dashboardArg, nextSeasonArg, progressArg } from './reads';

const LISTS: { key: ListKey; title: string }[] = [
  { key: 'notEnrolled', title: '未参保' },
  { key: 'insuredLastYearNotEnrolled', title: '去年参保、今年未参保' },
  { key: 'notInsuredLastYear', title: '去年也未参保' },
  { key: 'unknownLastYear', title: '去年情况不明' },
  { key: 'subsidizedNotEnrolled', title: '资助对象未参保' },
  { key: 'zeroNotDeclared', title: '全额资助未零申报' },
  { key: 'pendingPayments', title: '待核实缴费' },
  { key: 'handCertified', title: '手工认定待核对' },
];

// Counts to work down, not faults: shown in black.
const NOT_URGENT: ListKey[] = ['notEnrolled', 'notInsuredLastYear', 'unknownLastYear'];

export function DashboardPage() {
  const session = useSession();
  const { years, year, setYear, loaded } = useCoverageYears();
  const [list, setList] = useState<ListKey | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  // Edits made in the person drawer: the list behind it and the figures are read again.
  const [edits, setEdits] = useState(0);
  // Read again when the person drawer closes: the clerk may have enrolled someone there.
  const dashboard = useInvoke('reports.dashboard', year ? dashboardArg(year, deskToday()) : null, `${open}-${edits}`);
  const villages = useInvoke('reports.progress', year ? progressArg(year) : null, `${open}-${edits}`);
  const d = dashboard.value;
  const progress = villages.value ?? [];
  const error = dashboard.error ?? villages.error;

  // The next notice's file is in, not yet chosen: the new season starts from 政策, proposed
  // only a month before its window opens (the file ships with the program long before).
  const newest = years.at(-1);
  const next = useInvoke('season.newYear', newest ? nextSeasonArg(newest, deskToday()) : null).value;
  const target = progress.reduce((s, r) => s + r.target, 0);
  const enrolled = progress.reduce((s, r) => s + r.enrolled, 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1400 }}>
      <YearSelect years={years} year={year} onChange={setYear} />
      {!session.loginRequired && (
        <Alert
          type="warning"
          showIcon
          data-testid="no-users"
          message="还没有设置用户：这台电脑上谁都可以查看和修改台账。"
          description="到「设置 → 用户」建立管理员后，每次打开都要登录，收据和通知单上印经办人的姓名。"
        />
      )}
      {error && <Alert type="error" showIcon message={error} />}
      <TableFaults />
      {next?.suggested && next.due && (
        <Alert
          type="info"
          showIcon
          data-testid="new-season-banner"
          message={`${next.year} 年度的政策文件已有，还没有选用：${next.suggested.name}${next.window ? `，集中参保期 ${next.window.from ?? ''} 至 ${next.window.to}` : ''}。`}
          description="请到「政策 → 开始新年度」选用，沿用或导入各村任务数，并查看到期的资助身份。"
        />
      )}
      {next?.suggested && !next.due && (
        <Typography.Text type="secondary" data-testid="new-season-note">
          {`已有下一年度的政策文件：${next.suggested.name}${next.opensOn ? `，${next.opensOn} 起参保缴费` : ''}。`}
        </Typography.Text>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title="全乡镇参保进度" style={{ height: '100%' }}>
            <Space size="large" align="center">
              <Progress type="dashboard" size={110} percent={(rateBp(enrolled, target) ?? 0) / 100} />
              {/* Until the figures are in, none: a 0 / 0 for a moment reads as a township with nothing done. */}
              <Statistic title="已参保 / 任务数" value={villages.value ? enrolled : '—'} suffix={villages.value ? `/ ${target}` : undefined} />
              {d?.lastYearSameDay && <SameDayLastYear {...d.lastYearSameDay} />}
            </Space>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="缴费时段" style={{ height: '100%' }} data-testid="window-card">
            {(loaded && !year) || (d && !d.policyId) ? (
              <Statistic
                title="本年度缴费时段"
                value="尚未选择政策"
                suffix={<span style={{ fontSize: 14 }}>请先在「政策」中选择{year ? ` ${year} 年度` : '本年度'}适用的政策</span>}
              />
            ) : !d ? (
              <Statistic title="本年度缴费时段" value="—" />
            ) : d.window ? (
              <Statistic title={`${d.window.label}（至 ${d.window.to}）`} value={d.window.daysLeft} suffix="天后截止" />
            ) : d.nextWindow ? (
              <Statistic title={`下一时段：${d.nextWindow.label}`} value={d.nextWindow.daysUntil} suffix={`天后开始（${d.nextWindow.from}）`} />
            ) : (
              <Statistic title="本年度缴费时段" value="已全部结束" />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="各村（社区）进度（完成率低的在前）">
        <VillageBars rows={progress} />
      </Card>
      {/* One height for every tile whatever its title or how many there are: a grid of equal rows, titles on one line. */}
      <div className="tiles" data-testid="tiles">
        {LISTS.map((l) => (
          <Card
            key={l.key}
            size="small"
            hoverable
            onClick={() => setList(l.key)}
            className={list === l.key ? 'tile active' : 'tile'}
            role="button"
            aria-label={l.title}
            tabIndex={0}
            onKeyDown={(e) => e.key === 'Enter' && setList(l.key)}
          >
            <Statistic
              title={<TileTitle text={l.title} />}
              value={d ? d[l.key] : '—'}
              valueStyle={{ color: d && d[l.key] > 0 && !NOT_URGENT.includes(l.key) ? '#cf1322' : undefined }}
            />
          </Card>
        ))}
      </div>
      {list && year && (
        <Card size="small" title={LISTS.find((l) => l.key === list)!.title}>
          <WorkList
            list={list}
            year={year}
            version={edits}
            onOpen={setOpen}
            onChanged={() => {
              // A settled payment or a declaration changes the tiles and the progress alike.
              dashboard.reload();
              villages.reload();
            }}
          />
        </Card>
      )}
      <PersonDrawer personId={open} onClose={() => setOpen(null)} onChanged={() => setEdits((n) => n + 1)} />
    </Space>
  );
}

/** Last season on this calendar day, beside this season: is the office ahead or behind? */
function SameDayLastYear(p: { on: string; enrolled: number; target: number; enrolledNow: number }) {
  const rate = rateBp(p.enrolled, p.target);
  const diff = p.enrolledNow - p.enrolled;
  return (
    <div data-testid="last-year-same-day" style={{ fontSize: 13, lineHeight: 1.8 }}>
      <div>
        去年同日（{p.on}）已参保 <strong>{p.enrolled}</strong> 人{rate !== null ? `，完成任务 ${percent(rate)}` : ''}
      </div>
      <div style={{ color: diff < 0 ? '#cf1322' : '#389e0d' }}>
        今年至今 {p.enrolledNow} 人，{diff === 0 ? '与去年同日持平' : diff > 0 ? `比去年同日多 ${diff} 人` : `比去年同日少 ${-diff} 人`}
      </div>
    </div>
  );
}
