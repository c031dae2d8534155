// A seat's first visit to the main PC's page over the LAN (issue 30): the one-time code the main
// PC shows, and a name for this PC, sent to /pair; the main PC answers with the seat's cookie,
// after which the page opens at the login. Plain, like the login: antd is not loaded yet.
import { useState, type FormEvent } from 'react';
import { pairSeat } from '../api';
import { useAction } from '../useAction';
import './login.css';

export function PairPage(props: { why: string }) {
  const { run, error, busy } = useAction();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const revoked = props.why.includes('取消连接');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    await run(async () => {
      const r = await pairSeat(code, name);
      if (r.ok) location.reload();
      return r;
    });
  }

  return (
    <div className="login-page">
      <section className="login-card" aria-labelledby="pair-title">
        <h2 id="pair-title">连接所里的主电脑</h2>
        <form className="login-form" onSubmit={(e) => void submit(e)} noValidate>
          <p className={revoked ? 'login-error' : 'login-hint'}>
            {revoked ? props.why : '请管理员在主电脑的「设置 → 多台电脑」中点「显示配对码」，把 6 位配对码填在下面。'}
          </p>
          <label htmlFor="pair-code">配对码</label>
          <input
            id="pair-code"
            aria-label="配对码"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <label htmlFor="pair-name">这台电脑的名称</label>
          <input
            id="pair-name"
            aria-label="这台电脑的名称"
            placeholder="如：窗口2 · 李经办的电脑"
            maxLength={40}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          {error && (
            <div className="login-error" role="alert">
              {error}
            </div>
          )}
          <button type="submit" aria-busy={busy} className={busy ? 'busy' : undefined}>
            配对
          </button>
        </form>
      </section>
    </div>
  );
}
