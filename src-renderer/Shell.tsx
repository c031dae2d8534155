import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { App } from './App';
import type { Start } from './start';
import { setWarmProviders, warmUp } from './warm';
import { ANTD_CSS_VAR_KEY } from './antdKey';
export { prefetchScreens } from './screens';
// antd's styles prebuilt (theme.zeroRuntime), not generated while each screen first renders: on
// an old PC that generation was a third of a first screen switch. The prebuilt CSS hangs its
// design tokens and each component's variables on the class css-var-_R_0_, so this
// ConfigProvider's cssVar key is that one; the app's font, which the prebuilt tokens lack, is
// set on that class in app.css (test/unit/renderer/antd-css.test.ts holds the three together).
import 'antd/dist/antd.css';
import './app.css';

dayjs.locale('zh-cn');

const FONT = '"Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC", sans-serif';
// Made once: a new theme object would make antd work out its tokens again.
const THEME = { zeroRuntime: true, cssVar: { key: ANTD_CSS_VAR_KEY }, token: { fontFamily: FONT } };
const BUTTON = { autoInsertSpace: false };

/** The shell's parts drawn once out of sight, under the same providers, while the clerk types (warm.tsx). */
setWarmProviders((children) => <Providers>{children}</Providers>);
export const warmShell = () => warmUp();

function Providers(props: { children: ReactNode }) {
  return (
    // Buttons named as written: antd's space between two characters (保 存) reaches screen readers too.
    <ConfigProvider locale={zhCN} button={BUTTON} theme={THEME}>
      <AntApp>{props.children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything behind the login: antd, the menu and the screens (Boot.tsx loads this file). */
export function Shell(props: { start: Start }) {
  return (
    <Providers>
      <App start={props.start} />
    </Providers>
  );
}
