// The login is the first thing an office PC draws, so it is plain React and a little CSS
// (login.css), not antd: the first file stays small and antd's 1 MB of script and CSS loads
// behind it while the clerk types (issue 26). The same form sits in 请重新登录 (ReloginModal).
import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../src-main/api/contract';
import { invoke } from '../api';
import { useAction } from '../useAction';
import './login.css';

export function LoginPage(props: { onLogin: (u: SessionUser) => void | Promise<void>; seat?: string | null }) {
  return (
    <div className="login-page">
      <section className="login-card" aria-labelledby="login-title">
        <h2 id="login-title">登录参保台账</h2>
        {props.seat && <p className="login-seat">本机「{props.seat}」· 连接到所里的主电脑</p>}
        <LoginForm onLogin={props.onLogin} />
      </section>
    </div>
  );
}

/** `onLogin` may return a promise: the form stays busy (not sent twice) until it settles. */
export function LoginForm(props: { onLogin: (u: SessionUser) => void | Promise<void>; username?: string }) {
  const { run, error, busy } = useAction();
  const [username, setUsername] = useState(props.username ?? '');
  const [password, setPassword] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    await run(async () => {
      const r = await invoke('session.login', { username, password });
      if (r.ok) await props.onLogin(r.value);
      return r;
    });
  }

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="login-username">用户名</label>
      <input
        id="login-username"
        aria-label="用户名"
        autoComplete="username"
        autoFocus={!props.username}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor="login-password">密码</label>
      <input
        id="login-password"
        type="password"
        aria-label="密码"
        autoComplete="current-password"
        autoFocus={!!props.username}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error && (
        <div className="login-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" aria-busy={busy} className={busy ? 'busy' : undefined}>
        登录
      </button>
    </form>
  );
}
