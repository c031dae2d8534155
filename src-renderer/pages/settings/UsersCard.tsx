import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { PlainTable } from '../../PlainTable';
import type { Result, SessionUser } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { isAdmin, useSession } from '../../session';
import { useInvoke } from '../../useInvoke';
import { useAction } from '../../useAction';
import { RetireToggle } from './RetireToggle';

type User = SessionUser & { disabled: boolean };
const ROLES = { admin: '管理员', clerk: '经办人' } as const;

interface NewUser {
  displayName: string;
  username: string;
  role: 'admin' | 'clerk';
  password: string;
}

/** 设置 → 用户: the administrator's list; a clerk sees only the change of their own password. */
export function UsersCard() {
  const session = useSession();
  const admin = isAdmin(session);
  const list = useInvoke('users.list', admin && session.loginRequired ? {} : null);
  const card = useAction();
  // A refusal of what a dialog asked is shown in the dialog, not behind it.
  const dialog = useAction();
  const error = card.error;
  const dialogError = dialog.error;
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [own, setOwn] = useState(false);
  const first = !session.loginRequired;

  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- see useAction
  async function act<T extends {}>(p: Promise<Result<T>>, done: string, inDialog = false): Promise<boolean> {
    if (!(await (inDialog ? dialog : card).run(() => p))) return false;
    card.setError(null);
    dialog.setError(null);
    setNotice(done);
    list.reload();
    return true;
  }

  async function add(v: NewUser) {
    const ok = await act(invoke('users.create', v), `已添加用户「${v.displayName}」（登录名 ${v.username}）。`, true);
    if (!ok) return false;
    setAdding(false);
    // The first administrator is logged in as soon as it exists: the app asks for logins from now on.
    if (first) session.refresh();
    return true;
  }

  return (
    <Card title="用户" size="small" extra={session.user && <Button onClick={() => (dialog.setError(null), setOwn(true))}>修改我的密码</Button>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {first && (
          <Alert
            type="warning"
            showIcon
            message="还没有用户：这台电脑上谁都可以查看和修改台账。"
            description="建立第一个用户（管理员）后，每次打开都要登录；管理员再为经办人建立各自的用户。"
            action={
              <Button type="primary" onClick={() => (dialog.setError(null), setAdding(true))}>
                建立管理员
              </Button>
            }
          />
        )}
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        {notice && <Alert type="success" showIcon message={notice} />}
        {admin && !first && (
          <>
            <Button onClick={() => (dialog.setError(null), setAdding(true))}>添加用户</Button>
            {list.error && <Alert type="error" showIcon message={list.error} />}
            <PlainTable<User>
              rowKey="id"
              size="small"
              pagination={false}
              loading={list.loading}
              dataSource={list.value ?? []}
              columns={[
                { title: '姓名', dataIndex: 'displayName' },
                { title: '登录名', dataIndex: 'username' },
                { title: '角色', render: (_, u) => ROLES[u.role] },
                { title: '状态', render: (_, u) => (u.disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
                {
                  title: '',
                  width: 220,
                  render: (_, u) => (
                    <Space>
                      <Button size="small" onClick={() => (dialog.setError(null), setResetting(u))}>
                        重设密码
                      </Button>
                      <RetireToggle
                        retired={u.disabled}
                        name={u.displayName}
                        consequence="停用后不能再登录，已登录的窗口会退出；经办记录保留。"
                        disabled={u.id === session.user?.id}
                        onRestore={() => act(invoke('users.setDisabled', { id: u.id, disabled: false }), `已恢复「${u.displayName}」。`)}
                        onRetire={() => act(invoke('users.setDisabled', { id: u.id, disabled: true }), `已停用「${u.displayName}」。`)}
                      />
                    </Space>
                  ),
                },
              ]}
            />
          </>
        )}
        {!admin && <span style={{ color: '#666' }}>用户由管理员管理。</span>}
      </Space>
      <AddUserModal key={first ? 'first' : 'more'} open={adding} first={first} error={dialogError} onCancel={() => setAdding(false)} onAdd={add} />
      <PasswordModal
        title={resetting ? `重设「${resetting.displayName}」的密码` : ''}
        open={resetting !== null}
        error={dialogError}
        onCancel={() => setResetting(null)}
        onSave={async (password) => {
          const u = resetting!;
          if (await act(invoke('users.setPassword', { id: u.id, password }), `已重设「${u.displayName}」的密码。`, true)) setResetting(null);
        }}
      />
      <PasswordModal
        title="修改我的密码"
        own
        open={own}
        error={dialogError}
        onCancel={() => setOwn(false)}
        onSave={async (password, current) => {
          if (
            await act(invoke('users.setPassword', { id: session.user!.id, password, current: current ?? '' }), '已修改你的密码，下次登录时使用新密码。', true)
          )
            setOwn(false);
        }}
      />
    </Card>
  );
}

function AddUserModal(props: { open: boolean; first: boolean; error: string | null; onCancel: () => void; onAdd: (v: NewUser) => Promise<boolean> }) {
  const [form] = Form.useForm<NewUser & { again: string }>();
  return (
    <Modal
      title={props.first ? '建立第一个用户（管理员）' : '添加用户'}
      open={props.open}
      okText="添加"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ role: props.first ? 'admin' : 'clerk' }}
        onFinish={(v) => void props.onAdd({ displayName: v.displayName, username: v.username, role: v.role, password: v.password })}
      >
        <Form.Item label="姓名（印在收据和通知单上）" name="displayName" rules={[{ required: true, message: '请填写姓名。' }]}>
          <Input autoFocus aria-label="姓名" placeholder="如：李经办" />
        </Form.Item>
        <Form.Item label="登录名" name="username" rules={[{ required: true, message: '请填写登录名。' }]}>
          <Input aria-label="登录名" placeholder="2 到 20 个字，如 lijingban" />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select
            aria-label="角色"
            disabled={props.first}
            options={[
              { value: 'clerk', label: '经办人：登记、导入、打印、导出' },
              { value: 'admin', label: '管理员：另可管理用户、村（社区）、政策和备份恢复' },
            ]}
          />
        </Form.Item>
        <PasswordFields />
      </Form>
      {props.error && <Alert type="error" showIcon message={props.error} role="alert" />}
    </Modal>
  );
}

function PasswordFields() {
  return (
    <>
      <Form.Item
        label="密码"
        name="password"
        rules={[
          { required: true, message: '请填写密码。' },
          { min: 6, message: '密码至少 6 位。' },
        ]}
      >
        <Input.Password aria-label="密码" />
      </Form.Item>
      <Form.Item
        label="再输一次"
        name="again"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再输一次密码。' },
          ({ getFieldValue }) => ({
            validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一样。'))),
          }),
        ]}
      >
        <Input.Password aria-label="再输一次密码" />
      </Form.Item>
    </>
  );
}

function PasswordModal(props: {
  title: string;
  open: boolean;
  own?: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (password: string, current?: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ current?: string; password: string; again: string }>();
  return (
    <Modal title={props.title} open={props.open} okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={props.onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void props.onSave(v.password, v.current)}>
        {props.own && (
          <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请填写当前密码。' }]}>
            <Input.Password autoFocus aria-label="当前密码" />
          </Form.Item>
        )}
        <PasswordFields />
      </Form>
      {props.error && <Alert type="error" showIcon message={props.error} role="alert" />}
    </Modal>
  );
}
