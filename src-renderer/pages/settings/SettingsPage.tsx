import { Space, Tabs } from 'antd';
import { OfficeForm } from './OfficeForm';
import { VillagesCard } from './VillagesCard';
import { UsersCard } from './UsersCard';
import { BackupsCard } from './BackupsCard';

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
      ]}
    />
  );
}
