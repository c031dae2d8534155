import { Space, Tabs } from 'antd';
import { OfficeForm } from './OfficeForm';
import { VillagesCard } from './VillagesCard';
import { UsersCard } from './UsersCard';
import { BackupsCard } from './BackupsCard';
import { LanCard } from './LanCard';
import { onSeatPage } from '../../api';

export function SettingsPage() {
  return (
    <Tabs
      style={{ maxWidth: 1100 }}
      items={[
        {
          key: 'office',
          label: '本所与村（社区）',
          children: (
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <OfficeForm />
              <VillagesCard />
            </Space>
          ),
        },
        { key: 'users', label: '用户', children: <UsersCard /> },
        { key: 'backups', label: '备份', children: <BackupsCard /> },
        // A seat works on the main PC's ledger: whether others connect is the main PC's to say.
        ...(onSeatPage()
          ? []
          : [
              {
                key: 'lan',
                label: '多台电脑',
                children: <LanCard />,
              },
            ]),
      ]}
    />
  );
}
