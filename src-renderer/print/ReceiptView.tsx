import type { Receipt } from '../../src-main/api/contract';
import './print.css';

/** One to an A4, three to an A4 with cut lines, or the 241 mm continuous form. */
export type ReceiptPaper = 'a4' | 'a4-three' | 'continuous';

/** 参保缴费凭证 on A4 or 241 mm continuous form, as it prints: the screen shows the same sheet. */
export function ReceiptView({ r, paper = 'a4' }: { r: Receipt; paper?: ReceiptPaper }) {
  return (
    <div className={`paper receipt${paper === 'continuous' ? ' continuous' : paper === 'a4-three' ? ' three' : ''}`} data-testid="receipt">
      <h2>{r.officeTitle} 城乡居民基本医疗保险参保缴费凭证</h2>
      <div className="receipt-head">
        <span>收据号：{r.receiptNo}</span>
        <span>参保年度：{r.coverageYear}</span>
      </div>
      {r.status === 'voided' && <div className="voided">已作废：{r.voidReason}</div>}
      <table>
        {/* The same widths on every receipt of a sheet: labels 16 %, values 34 %; a long 资助类别 wraps inside its cell. */}
        <colgroup>
          <col className="label" />
          <col />
          <col className="label" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>姓名</th>
            <td>{r.personName}</td>
            <th>身份证号</th>
            <td className="keep">{r.idNumber}</td>
          </tr>
          <tr>
            <th>村（社区）</th>
            <td>{r.villageName}</td>
            <th>参保档次</th>
            <td>{r.tierLabel}</td>
          </tr>
          <tr>
            <th>缴费标准</th>
            <td>{r.feeYuan} 元</td>
            <th>资助金额</th>
            <td>{r.subsidyYuan} 元</td>
          </tr>
          {/* A row of its own: the longest label (在乡重点优抚对象(不含1-6级残疾军人)) takes one line there, three in a quarter's cell. */}
          {r.subsidyLabel && (
            <tr>
              <th>资助类别</th>
              <td colSpan={3}>
                {r.subsidyLabel}（{r.departmentLabel}）
              </td>
            </tr>
          )}
          <tr>
            <th>个人缴费</th>
            <td colSpan={3}>
              <strong>{r.personalYuan} 元</strong>，人民币（大写）<strong>{r.personalCapitals}</strong>
            </td>
          </tr>
          <tr>
            <th>缴费日期</th>
            <td className="keep">{r.paidOn}</td>
            <th>缴费方式</th>
            <td>{r.channel}</td>
          </tr>
          <tr>
            <th>待遇享受期</th>
            <td colSpan={3} className="keep">
              {r.benefitStart} 至 {r.benefitEnd}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="receipt-foot">
        <span>经办人：{r.clerk || <span className="sign-line" aria-label="经办人签名处" />}</span>
        <span>（盖章）</span>
      </div>
    </div>
  );
}
