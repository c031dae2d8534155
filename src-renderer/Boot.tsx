// What the first file draws: the login (plain, pages/LoginPage.tsx) or a line saying the screens
// are opening. The shell (antd, the menu, the screens) is a file of its own, fetched and run
// once the login is on screen, so an old PC shows the login in well under a second and spends
// the seconds the clerk types on the rest.
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { invoke } from './api';
import { askFirstScreen } from './firstScreen';
import { LoginPage } from './pages/LoginPage';
import { PairPage } from './pages/PairPage';
import type { Start } from './start';

type ShellType = ComponentType<{ start: Start }>;

export function Boot() {
  const [start, setStart] = useState<Start | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // This PC is a seat on the main PC's page and not (or no longer) paired: why, in Chinese.
  const [unpaired, setUnpaired] = useState<string | null>(null);
  const [Shell, setShell] = useState<ShellType | null>(null);

  useEffect(() => {
    void Promise.all([invoke('session.get', {}), invoke('glossary.get', {})]).then(([s, g]) => {
      if (!s.ok) return s.error.code === 'unpaired' ? setUnpaired(s.error.message) : setFailed(s.error.message);
      if (!g.ok) return setFailed(g.error.message);
      if (s.value.user || !s.value.loginRequired) askFirstScreen();
      setStart({ session: s.value, glossary: g.value });
    });
  }, []);

  // After the first frame is painted, so that the login shows before the shell's script runs;
  // once, when the first answer is in.
  const answered = start !== null;
  // Read when the shell's file is in: the clerk may have logged in by then.
  const signedIn = useRef(false);
  signedIn.current = start !== null && (start.session.user !== null || !start.session.loginRequired);
  useEffect(() => {
    if (!answered) return;
    let live = true;
    const t = setTimeout(() => {
      void import('./Shell').then(
        (m) => {
          if (!live) return;
          setShell(() => m.Shell);
          // The screens' own files next, and the shell's parts drawn once out of sight, still
          // while the clerk types; not when the screens draw at once (no login to type).
          setTimeout(m.prefetchScreens, 100);
          setTimeout(() => signedIn.current || m.warmShell(), 300);
        },
        () => live && setFailed('界面文件没有加载出来。程序可能刚更新过，请刷新页面（F5）。'),
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [answered]);

  if (unpaired) return <PairPage why={unpaired} />;
  if (failed) {
    return (
      <p className="boot-line" role="alert">
        {failed}
      </p>
    );
  }
  if (!start) return null;
  if (start.session.loginRequired && !start.session.user) {
    return (
      <LoginPage
        seat={start.session.seat}
        onLogin={async (user) => {
          await askFirstScreen();
          setStart({ ...start, session: { ...start.session, user } });
        }}
      />
    );
  }
  if (!Shell) return <p className="boot-line">正在打开……</p>;
  return <Shell start={start} />;
}
