import type { RefundSlip } from '../../src-main/api/contract';
import type { ReceiptPaper } from './ReceiptView';
import './print.css';

/** 退费单 on the receipt's papers (A4 or 241 mm continuous form): the resident signs for the money here. */
export function RefundSlipView({ s, paper = 'a4' }: { s: RefundSlip; paper?: ReceiptPaper }) {
  return (
    <div className={`paper receipt refund-slip${paper === 'continuous' ? ' continuous' : ''}`} data-testid="refund-slip">
      <h2>{s.officeTitle} 城乡居民基本医疗保险退费单</h2>
      <div className="receipt-head">
        <span>原收据号：{s.receiptNo}</span>
        <span>参保年度：{s.coverageYear}</span>
        <span>退费日期：{s.refundedOn}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>姓名</th>
            <td>{s.personName}</td>
            <th>身份证号</th>
            <td>{s.idNumber}</td>
          </tr>
          <tr>
            <th>村（社区）</th>
            <td>{s.villageName}</td>
            <th>缴费日期</th>
            <td>{s.paidOn}</td>
          </tr>
          <tr>
            <th>个人已缴</th>
            <td>{s.paidYuan} 元</td>
            <th>退费后实缴</th>
            <td>{s.netYuan} 元</td>
          </tr>
          <tr>
            <th>退费金额</th>
            <td colSpan={3}>
              <strong>{s.refundedYuan} 元</strong>，人民币（大写）<strong>{s.refundedCapitals}</strong>
            </td>
          </tr>
          <tr>
            <th>退费原因</th>
            <td colSpan={3}>{s.reason}</td>
          </tr>
          <tr>
            <th>依据</th>
            <td colSpan={3} className="basis">
              {s.basis}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="receipt-foot slip-signs">
        <span>
          领款人签字：
          <span className="sign-line" aria-label="领款人签字处" />
        </span>
        <span>
          日期：
          <span className="sign-line short" aria-label="领款日期" />
        </span>
        <span>经办人：{s.clerk || <span className="sign-line" aria-label="经办人签名处" />}</span>
        <span>（盖章）</span>
      </div>
    </div>
  );
}
