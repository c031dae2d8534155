import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { App } from './App';
// antd's styles prebuilt, not generated while each screen first renders (issue 26: on an old PC
// that generation was a third of the cold load and of a first screen switch). The app's font
// token still reaches them through the CSS variables the ConfigProvider writes.
import 'antd/dist/antd.css';
import './app.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Buttons named as written: antd's space between two characters (保 存) reaches screen readers too. */}
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ zeroRuntime: true, token: { fontFamily: '"Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC", sans-serif' } }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
