// 开始新年度's policy line: says only what the files that are there allow it to say.
import { Button, Space, Typography } from 'antd';
import type { NewSeason } from '../../../src-main/api/contract';
import { ADMIN_ONLY } from '../../session';

export function SeasonPolicy({ s, admin, onChoose }: { s: NewSeason; admin: boolean; onChoose: (id: string, name: string) => void }) {
  if (s.chosen) return <>{`已选用 ${s.chosen.name}${s.window ? `，集中参保期 ${s.window.from ?? ''} 至 ${s.window.to}` : ''}`}</>;
  if (s.suggested) {
    const { id, name } = s.suggested;
    return (
      <Space wrap>
        已有本地区的政策文件：{name}
        <Button type="primary" size="small" disabled={!admin} title={admin ? undefined : ADMIN_ONLY} onClick={() => onChoose(id, name)}>
          选用
        </Button>
      </Space>
    );
  }
  if (s.others.length === 0) return <Typography.Text type="warning">还没有 {s.year} 年度的政策文件：新通知下发后，请在下方“政策文件”中导入。</Typography.Text>;
  // One file a line: the names are long, and the clerk compares them with the notice in hand.
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text type="warning">
        {s.place
          ? `${s.year} 年度已有的政策文件都不是本所（${s.place}）所在地区的：`
          : `本所的区县和乡镇还没有设置，看不出 ${s.year} 年度已有的这些政策文件哪一份是本地区的：`}
      </Typography.Text>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {s.others.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
      <Typography.Text type="secondary">
        {s.place ? '新通知下发后，请在下方“政策文件”中导入；如本所确实执行其中一份，可在上方选用。' : '请先到“设置”填写本所的区县和乡镇，或在上方直接选用。'}
      </Typography.Text>
    </Space>
  );
}
