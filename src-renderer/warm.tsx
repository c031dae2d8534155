// The shell's parts drawn once, out of sight, while the clerk types the password. The first time
// a component draws, the browser compiles its code and works out its styles; on an old PC that
// was most of the time from the login to 工作台 (issue 26). Drawn here first, the real first
// screen finds it done. Nothing in it is read, named or kept: it is hidden from the page and
// from assistive technology, and removed two frames later.
import { createRoot } from 'react-dom/client';
import { Alert, Button, Card, Col, Input, Layout, Menu, Progress, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

const ROWS = [1, 2, 3].map((n) => ({ key: n, a: String(n), b: n }));
const COLUMNS = [
  { title: '·', dataIndex: 'a' },
  { title: '·', dataIndex: 'b', align: 'right' as const },
];

function Parts() {
  return (
    <Layout>
      <Layout.Header />
      <Layout>
        <Layout.Sider width={180} theme="light">
          <Menu mode="inline" selectedKeys={['a']} items={['a', 'b', 'c'].map((key) => ({ key, label: key }))} />
        </Layout.Sider>
        <Layout.Content>
          <Typography.Title level={3}>·</Typography.Title>
          <Space direction="vertical">
            <Space>
              <Select value={1} options={[{ value: 1, label: '·' }]} style={{ width: 120 }} />
              <Input />
              <Button type="primary">·</Button>
            </Space>
            <Alert type="info" showIcon message="·" />
            <Row gutter={16}>
              <Col span={12}>
                <Card size="small" title="·">
                  <Progress type="dashboard" size={110} percent={50} />
                  <Statistic title="·" value={1} suffix="/ 2" />
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small" hoverable>
                  <Progress percent={50} size="small" />
                  <Tag>·</Tag>
                </Card>
              </Col>
            </Row>
            <Table size="small" columns={COLUMNS} dataSource={ROWS} pagination={false} />
            <Spin />
          </Space>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

// The app's providers (locale, theme), set by Shell.tsx when it loads: the parts draw as the screens will.
let providers: (children: ReactNode) => ReactNode = (children) => children;
export function setWarmProviders(wrap: (children: ReactNode) => ReactNode): void {
  providers = wrap;
}

/** Draws `parts` (the shell's by default) inside the app's providers out of sight, then removes them. */
export function warmUp(parts: ReactNode = <Parts />): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = 'position:fixed;left:-20000px;top:0;width:1366px;visibility:hidden;pointer-events:none';
  document.body.appendChild(host);
  const root = createRoot(host);
  root.render(providers(parts));
  // Two frames: one to draw, one to lay out and paint.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      root.unmount();
      host.remove();
    }),
  );
}
