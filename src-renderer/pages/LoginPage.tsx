import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import type { SessionUser } from '../../src-main/api/contract';
import { invoke } from '../api';

export function LoginPage(props: { onLogin: (u: SessionUser) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    const r = await invoke('session.login', { username: values.username ?? '', password: values.password ?? '' });
    setBusy(false);
    if (r.ok) props.onLogin(r.value);
    else setError(r.error.message);
  }

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '12vh' }}>
      <Card title="登录参保台账" style={{ width: 360 }}>
        <Form layout="vertical" onFinish={submit}>
          <Form.Item label="用户名" name="username">
            <Input autoFocus autoComplete="username" aria-label="用户名" />
          </Form.Item>
          <Form.Item label="密码" name="password">
            <Input.Password autoComplete="current-password" aria-label="密码" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
