import { useEffect, useMemo, useState } from 'react';
import { Layout, Menu, Typography } from 'antd';
import type { Office } from '../src-main/api/contract';
import { invoke } from './api';
import { OfficeContext, officeTitle } from './office';
import { SettingsPage } from './pages/settings/SettingsPage';

// The side menu lists only screens that exist; each later area adds its own entry here.
const PAGES = [{ key: 'settings', label: '设置', render: () => <SettingsPage /> }] as const;

export function App() {
  const [office, setOffice] = useState<Office | null>(null);
  const [page, setPage] = useState<string>(PAGES[0].key);

  useEffect(() => {
    void invoke('office.get', {}).then((r) => r.ok && setOffice(r.value));
  }, []);

  const current = PAGES.find((p) => p.key === page) ?? PAGES[0];
  const officeState = useMemo(() => ({ office, setOffice }), [office]);

  return (
    <OfficeContext.Provider value={officeState}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header className="canbao-header">
          <h1>参保台账</h1>
          <span className="office" data-testid="header-office">
            {officeTitle(office)}
          </span>
        </Layout.Header>
        <Layout>
          <Layout.Sider width={180} theme="light">
            <Menu
              mode="inline"
              selectedKeys={[page]}
              items={PAGES.map((p) => ({ key: p.key, label: p.label }))}
              onClick={(e) => setPage(e.key)}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24 }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {current.label}
            </Typography.Title>
            {current.render()}
          </Layout.Content>
        </Layout>
      </Layout>
    </OfficeContext.Provider>
  );
}
