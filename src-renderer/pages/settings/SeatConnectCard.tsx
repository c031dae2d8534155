// At one of the office's other PCs (issue 30): 连接所里的主电脑. The clerk types the main PC's
// address; this PC reads the certificate the main PC presents and shows its fingerprint, to be
// compared with the one on the main PC's screen before anything is sent to it. Then the main
// PC's page opens (the desktop app pins that certificate; a browser needs it installed).
import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import type { Result, SeenMainPc } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';

export function SeatConnectCard() {
  const [address, setAddress] = useState('');
  const [seen, setSeen] = useState<SeenMainPc | null>(null);
  const [matches, setMatches] = useState(false);
  const action = useAction();

  async function look() {
    setSeen(null);
    setMatches(false);
    const seen = await action.run(() => invoke('lan.peek', { address }));
    setSeen(seen);
    // The main PC this PC was paired with, at another address: its key is the one compared before.
    setMatches(seen?.known ?? false);
  }

  /** The desktop opens the main PC's page in a window of its own, pinned to the key just compared. */
  async function open(s: SeenMainPc) {
    const r = (await window.canbao!.openSeat(s.url, s.pin)) as Result<null>;
    if (!r.ok) action.setError(r.error.message);
  }

  return (
    <Card title="这台电脑不是主电脑：连接所里的主电脑" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          填写主电脑「设置 → 多台电脑」上显示的地址（如 192.168.1.5:5781），点「查看」。
        </Typography.Paragraph>
        <Space.Compact style={{ maxWidth: 520, width: '100%' }}>
          <Input
            aria-label="主电脑的地址"
            placeholder="192.168.1.5:5781"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            onPressEnter={() => void look()}
          />
          <Button type="primary" loading={action.busy} disabled={!address.trim()} onClick={() => void look()}>
            查看
          </Button>
        </Space.Compact>
        {action.error && <Alert type="error" showIcon message={action.error} role="alert" />}
        {seen && (
          <Alert
            type={matches ? 'success' : 'info'}
            showIcon
            message={
              <span>
                连接到的电脑的证书指纹：
                <Typography.Text strong style={{ fontFamily: 'Consolas, monospace', fontSize: 18 }} aria-label="看到的证书指纹">
                  {seen.fingerprint}
                </Typography.Text>
              </span>
            }
            description={
              matches ? (
                <Space direction="vertical">
                  <span>
                    {seen.known
                      ? '这是这台电脑连接过的主电脑（证书没变），点下面的按钮打开它的页面，不用重新配对。'
                      : window.canbao
                        ? '点下面的按钮打开主电脑的页面，输入主电脑显示的配对码。'
                        : '在这台电脑的浏览器（Edge 或 Chrome）中打开下面的地址，输入主电脑显示的配对码。浏览器第一次会提示证书不受信任：请先按主电脑导出的《安装证书说明》安装主电脑的证书。'}
                  </span>
                  <Typography.Text copyable strong>
                    {seen.url}
                  </Typography.Text>
                  {window.canbao && (
                    <Button type="primary" onClick={() => void open(seen)}>
                      打开主电脑的页面
                    </Button>
                  )}
                </Space>
              ) : (
                <Space direction="vertical">
                  <span>请到主电脑上核对「证书指纹」是否完全相同。不同就不要继续：连接到的可能不是所里的主电脑。</span>
                  <Space>
                    <Button type="primary" onClick={() => setMatches(true)}>
                      完全相同
                    </Button>
                    <Button onClick={() => setSeen(null)}>不同，不连接</Button>
                  </Space>
                </Space>
              )
            }
          />
        )}
      </Space>
    </Card>
  );
}
