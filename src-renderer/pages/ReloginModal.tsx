import { Alert, Modal } from 'antd';
import type { SessionUser } from '../../src-main/api/contract';
import { LoginForm } from './LoginPage';

/** The login asked again over the screen after 30 idle minutes: what was typed stays behind it. */
export function ReloginModal(props: { user: SessionUser; message: string; onLogin: (u: SessionUser) => void }) {
  return (
    <Modal open title="请重新登录" footer={null} closable={false} maskClosable={false} keyboard={false} destroyOnHidden>
      <Alert type="info" showIcon message={props.message} style={{ marginBottom: 16 }} />
      <LoginForm onLogin={props.onLogin} username={props.user.username} />
    </Modal>
  );
}
