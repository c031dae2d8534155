import { Alert, Button, Card, Form, Input, Modal } from 'antd';
import type { SessionUser } from '../../src-main/api/contract';
import { invoke } from '../api';
import { useAction } from '../useAction';

export function LoginPage(props: { onLogin: (u: SessionUser) => void }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '12vh' }}>
      <Card title="登录参保台账" style={{ width: 360 }}>
        <LoginForm onLogin={props.onLogin} />
      </Card>
    </div>
  );
}

/** The login asked again over the screen after 30 idle minutes: what was typed stays behind it. */
export function ReloginModal(props: { user: SessionUser; message: string; onLogin: (u: SessionUser) => void }) {
  return (
    <Modal open title="请重新登录" footer={null} closable={false} maskClosable={false} keyboard={false} destroyOnHidden>
      <Alert type="info" showIcon message={props.message} style={{ marginBottom: 16 }} />
      <LoginForm onLogin={props.onLogin} username={props.user.username} />
    </Modal>
  );
}

function LoginForm(props: { onLogin: (u: SessionUser) => void; username?: string }) {
  const { run, error, busy } = useAction();

  async function submit(values: { username: string; password: string }) {
    const user = await run(() => invoke('session.login', { username: values.username ?? '', password: values.password ?? '' }));
    if (user) props.onLogin(user);
  }

  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ username: props.username }}>
      <Form.Item label="用户名" name="username">
        <Input autoFocus={!props.username} autoComplete="username" aria-label="用户名" />
      </Form.Item>
      <Form.Item label="密码" name="password">
        <Input.Password autoFocus={!!props.username} autoComplete="current-password" aria-label="密码" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}
