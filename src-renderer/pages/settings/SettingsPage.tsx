import { Space } from 'antd';
import { OfficeForm } from './OfficeForm';
import { VillagesCard } from './VillagesCard';
import { UsersCard } from './UsersCard';

export function SettingsPage() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <OfficeForm />
      <VillagesCard />
      <UsersCard />
    </Space>
  );
}
