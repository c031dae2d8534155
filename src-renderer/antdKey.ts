// The class antd's prebuilt CSS hangs its design tokens and each component's variables on
// (theme.zeroRuntime with this cssVar key, Shell.tsx). Elements drawn with antd's classes but
// not by antd (PlainTable.tsx) carry it too, or their variables are undefined
// (test/unit/renderer/antd-css.test.ts holds the key, the CSS and app.css together).
export const ANTD_CSS_VAR_KEY = 'css-var-_R_0_';
