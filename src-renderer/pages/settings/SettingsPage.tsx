import { Space } from 'antd';
import { OfficeForm } from './OfficeForm';
import { VillagesCard } from './VillagesCard';

export function SettingsPage() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <OfficeForm />
      <VillagesCard />
    </Space>
  );
}
