import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { App } from './App';
// antd's styles stay generated at run time: its prebuilt CSS (theme.zeroRuntime) scopes each
// component's variables under the class of the ConfigProvider that built it (css-var-_R_0_),
// not this one's, so they were missing here (a button's loading icon never left).
import './app.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Buttons named as written: antd's space between two characters (保 存) reaches screen readers too. */}
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { fontFamily: '"Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC", sans-serif' } }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
