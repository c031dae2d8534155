import { Activity, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Alert, Button, Layout, Menu, Modal, Spin, Typography } from 'antd';
import type { Glossary, Office, SessionUser } from '../src-main/api/contract';
import { invoke, onGlossaryChanged, onSessionEnded } from './api';
import { takeOrAsk } from './asked';
import { onForget } from './kept';
import { dialogOpen, useFirstField } from './keys';
import { deskToday } from './format';
import { OfficeContext, officeTitle } from './office';
import { GlossaryContext } from './glossary';
import { SessionContext } from './session';
import { LoginPage } from './pages/LoginPage';
import { ReloginModal } from './pages/ReloginModal';
import type { Start } from './start';
import { ScreenBoundary, SCREENS, type ScreenKey } from './screens';

// The side menu lists only screens that exist; each later area adds its own entry here.
const PAGES: readonly { key: ScreenKey; label: string; shortcut?: string }[] = [
  { key: 'dashboard', label: '工作台' },
  { key: 'enroll', label: '参保登记', shortcut: 'F2' },
  { key: 'roster', label: '花名册', shortcut: 'F4' },
  { key: 'progress', label: '进度' },
  { key: 'excel', label: '导入导出' },
  { key: 'print', label: '打印' },
  { key: 'policies', label: '政策' },
  { key: 'settings', label: '设置' },
];

const MENU_ITEMS = PAGES.map((p) => ({
  key: p.key,
  label: p.shortcut ? (
    <span>
      {p.label} <kbd className="menu-key">{p.shortcut}</kbd>
    </span>
  ) : (
    p.label
  ),
}));

/**
 * Screens that stay drawn, hidden, after the clerk leaves them, so coming back is a repeat of the
 * screen rather than building it again (issue 26: on an old PC a rebuild of 工作台 or 设置 took
 * 350–500 ms). Hidden, a screen runs no effects: it listens for no keys and asks nothing; shown
 * again it asks its reads afresh (useInvoke). Kept only while nothing changes: a change made in
 * this window (an enrollment, a target, a policy chosen) drops the hidden ones, which start
 * afresh on their next visit, as does another day or another login, so no screen comes back
 * with choices made from what was true before (the year 开始新年度 offered, a day's date).
 * 参保登记 and 导入导出 start afresh on each visit: a person half through the desk or a dry run
 * is not left waiting behind another screen.
 */
const KEPT: ReadonlySet<ScreenKey> = new Set<ScreenKey>(['dashboard', 'roster', 'progress', 'print', 'policies', 'settings']);

export function App(props: { start: Start }) {
  const [office, setOffice] = useState<Office | null>(null);
  const [page, setPage] = useState<string>(PAGES[0]!.key);
  // Clicking the menu item of the screen one is on starts it afresh (参保登记 after a receipt: the next person).
  const [visits, setVisits] = useState<Partial<Record<string, number>>>({});
  const again = useCallback((key: string) => setVisits((v) => ({ ...v, [key]: (v[key] ?? 0) + 1 })), []);
  // The screens kept drawn, hidden, once visited (KEPT), for the user who visited them on the day they did.
  const [kept, setKept] = useState<{ user: string; day: string; keys: ScreenKey[] }>({ user: '', day: '', keys: [] });
  // Boot.tsx hands over the session and the words (line below), and fetches the screens' files itself.
  const [session, setSession] = useState<{ user: SessionUser | null; loginRequired: boolean }>(props.start.session);
  const [readOnly, setReadOnly] = useState<string | null>(props.start.session.readOnly);
  const [glossary, setGlossary] = useState<Glossary>(props.start.glossary);
  // Set when the login of a clerk who was working here ended: the screen stays, a login sits over it.
  const [ended, setEnded] = useState<{ user: SessionUser; message: string } | null>(null);

  // F2 参保登记, F4 花名册 (F1, F3, F5–F7, F10–F12 are the browser's): not while a dialog is open,
  // and a payment half entered at the desk is not dropped without asking.
  const [modal, modalHolder] = Modal.useModal();
  const pageRef = useRef(page);
  pageRef.current = page;
  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      const to = PAGES.find((p) => p.shortcut === e.key);
      if (!to || dialogOpen()) return;
      e.preventDefault();
      const go = () => (to.key === pageRef.current ? again(to.key) : setPage(to.key));
      const midway = pageRef.current === 'enroll' && Number(document.body.dataset.deskStep ?? 0) > 0 && Number(document.body.dataset.deskStep) < 4;
      if (!midway) return go();
      void modal.confirm({
        title: '放弃正在登记的这一位？',
        content: '还没有保存，离开后要重新查找和计算。',
        okText: '放弃',
        cancelText: '继续登记',
        onOk: go,
      });
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, [modal, again]);

  // A change made here: the hidden screens go, the one on show stays (it reads its own change).
  useEffect(
    () =>
      onForget(() =>
        // The same state when none is hidden (a change at the desk, mostly): the shell is not drawn again for nothing.
        setKept((k) => (k.keys.every((key) => key === pageRef.current) ? k : { ...k, keys: k.keys.filter((key) => key === pageRef.current) })),
      ),
    [],
  );

  const refreshSession = useCallback(() => {
    void invoke('session.get', {}).then((r) => {
      if (!r.ok) return;
      setSession(r.value);
      setReadOnly(r.value.readOnly);
    });
  }, []);
  // Boot.tsx read the session and the words before the login; they are read again only when they may have changed.
  useEffect(() => onGlossaryChanged(() => void invoke('glossary.get', {}).then((r) => r.ok && setGlossary(r.value))), []);
  useEffect(() => {
    // Takes the answer the login asked for (firstScreen.ts) rather than asking again.
    if (session.user || !session.loginRequired) void takeOrAsk('office.get', {}).then(({ r }) => r.ok && setOffice(r.value));
  }, [session]);
  useEffect(
    () =>
      onSessionEnded((message) => {
        if (session.user) setEnded({ user: session.user, message });
      }),
    [session],
  );

  async function logout() {
    await invoke('session.logout', {});
    setEnded(null);
    setSession({ user: null, loginRequired: true });
  }

  const current = PAGES.find((p) => p.key === page) ?? PAGES[0]!;
  const visit = visits[current.key] ?? 0;
  // Another login starts from no kept screens: what one user saw is not drawn for the next. Nor
  // is a screen kept from another day (its dates, 当日收据's among them, were that day's).
  const user = String(session.user?.id ?? '');
  const day = deskToday();
  // The screen last drawn on show (after commit): a switch to a kept screen is told from a screen that stays.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    shown.current = current.key;
  });
  if (kept.user !== user || kept.day !== day) {
    // The one on show stays (the first administrator made on 设置 → 用户 logs in there); one
    // being switched to now was hidden under the other user or day: it starts afresh.
    const switching = shown.current !== current.key;
    setKept({ user, day, keys: switching ? [] : kept.keys.filter((key) => key === current.key) });
    if (switching && kept.keys.includes(current.key)) again(current.key);
  } else if (KEPT.has(current.key) && !kept.keys.includes(current.key)) setKept({ user, day, keys: [...kept.keys, current.key] });
  const drawn = KEPT.has(current.key) ? kept.keys : [...kept.keys, current.key];
  // After login and on each screen, the keyboard starts in the screen's first field.
  const content = useRef<HTMLDivElement>(null);
  useFirstField(content, `${session.user?.id ?? ''}-${current.key}-${visit}`);
  const officeState = useMemo(() => ({ office, setOffice }), [office]);
  const sessionState = useMemo(() => ({ user: session.user, loginRequired: session.loginRequired, refresh: refreshSession }), [session, refreshSession]);

  if (session.loginRequired && !session.user) {
    return (
      <LoginPage
        onLogin={(user) => {
          // A login asked for over the screen before (a restore ended every session) is answered by this one.
          setEnded(null);
          setSession({ user, loginRequired: true });
        }}
      />
    );
  }

  return (
    <GlossaryContext.Provider value={glossary}>
      <SessionContext.Provider value={sessionState}>
        <OfficeContext.Provider value={officeState}>
          {modalHolder}
          {ended && (
            <ReloginModal
              user={ended.user}
              message={ended.message}
              onLogin={(user) => {
                setEnded(null);
                // Another person logging in here starts from a clean screen.
                if (user.id !== ended.user.id) setPage(PAGES[0]!.key);
                setSession({ user, loginRequired: true });
              }}
            />
          )}
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Header className="canbao-header">
              <h1>参保台账</h1>
              <span className="office" data-testid="header-office">
                {officeTitle(office)}
              </span>
              {session.user && (
                <span style={{ marginLeft: 'auto' }}>
                  <span data-testid="header-user">{session.user.displayName}</span>
                  <Button type="link" onClick={() => void logout()} style={{ color: '#fff' }}>
                    退出
                  </Button>
                </span>
              )}
            </Layout.Header>
            {readOnly && <Alert type="error" banner showIcon message="台账以只读方式打开" description={readOnly} data-testid="read-only-banner" />}
            <Layout>
              <Layout.Sider width={180} theme="light">
                <Menu
                  mode="inline"
                  // Never collapsed, so no item needs a tooltip: without them a screen switch draws 8 fewer popups' worth.
                  tooltip={false}
                  selectedKeys={[page]}
                  items={MENU_ITEMS}
                  onClick={(e) => (e.key === page ? again(e.key) : setPage(e.key))}
                />
              </Layout.Sider>
              <Layout.Content style={{ padding: 24 }}>
                <Typography.Title level={3} style={{ marginTop: 0 }}>
                  {current.label}
                </Typography.Title>
                {drawn.map((key) => (
                  <Pane key={key} screen={key} on={key === current.key} visit={visits[key] ?? 0} content={content} />
                ))}
              </Layout.Content>
            </Layout>
          </Layout>
        </OfficeContext.Provider>
      </SessionContext.Provider>
    </GlossaryContext.Provider>
  );
}

/**
 * One screen, drawn again only when it is started afresh: the shell's other changes (the menu,
 * the header) and its being shown or hidden do not draw it again.
 */
const Pane = memo(function Pane(props: { screen: ScreenKey; on: boolean; visit: number; content: RefObject<HTMLDivElement | null> }) {
  const Screen = SCREENS[props.screen];
  // The same element each time: shown or hidden, the screen itself is not drawn again, only its effects run or stop.
  const screen = useMemo(
    () => (
      <ScreenBoundary>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
          <Screen />
        </Suspense>
      </ScreenBoundary>
    ),
    [Screen],
  );
  return (
    <Activity mode={props.on ? 'visible' : 'hidden'}>
      <div key={props.visit} ref={props.on ? props.content : undefined} data-screen={props.screen}>
        {screen}
      </div>
    </Activity>
  );
});
