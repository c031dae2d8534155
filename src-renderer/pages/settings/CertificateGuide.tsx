// The one-page instruction that goes with the exported certificate (issue 30): how a PC that
// connects with Edge or Chrome installs it, what to compare, and where to go. Printed as a paper.
import { Button, Modal, Space } from 'antd';
import type { LanStatus } from '../../../src-main/api/contract';
import { Doc } from '../../print/Doc';

export function CertificateGuide(props: { status: LanStatus; thumbprint: string; onClose: () => void }) {
  const s = props.status;
  return (
    <Modal
      title="用浏览器连接：安装证书说明"
      open
      width={820}
      onCancel={props.onClose}
      footer={
        <Space>
          <Button onClick={props.onClose}>关闭</Button>
          <Button type="primary" autoFocus onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      }
    >
      <Doc title="座席电脑用浏览器连接主电脑：安装证书说明" sub="canbao 参保台账 · 每台用浏览器（Edge 或 Chrome）连接的电脑做一次">
        <ol className="guide">
          <li>把主电脑导出的文件「canbao-主电脑证书.crt」用 U 盘拷到这台电脑上。</li>
          <li>
            双击这个文件，先看「详细信息」里的「指纹」，应为：
            {/* As Windows writes it there: lower-case hex, no separators. */}
            <div className="guide-code">{props.thumbprint.replace(/:/g, '').toLowerCase()}</div>
            不一致就不要安装，告诉管理员。
          </li>
          <li>
            回到「常规」，点「安装证书」→ 存储位置选「当前用户」→「下一步」→「将所有的证书都放入下列存储」→「浏览」→
            选「受信任的根证书颁发机构」→「确定」→「下一步」→「完成」；Windows 问「是否安装此证书」时点「是」。
          </li>
          <li>
            关掉浏览器再打开，在地址栏输入主电脑的地址：
            {s.urls.map((u) => (
              <div key={u} className="guide-code">
                {u}
              </div>
            ))}
          </li>
          <li>
            请管理员在主电脑「设置 → 多台电脑」中点「显示配对码」，在浏览器里输入这 6 位配对码和这台电脑的名称（如「窗口2 ·
            李经办的电脑」），点「配对」，再用自己的用户名登录。
          </li>
          <li>
            以后主电脑换了地址或证书更新（约两年一次），浏览器提示「不安全」「证书无效」时，请管理员重新导出证书，再按本说明安装一次；不要点「继续前往」。
          </li>
        </ol>
      </Doc>
    </Modal>
  );
}
