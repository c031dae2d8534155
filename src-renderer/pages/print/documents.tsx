// The print center's documents, each laid out as the paper the office hands out or files.
import type { HouseholdNotice, PersonSummary, PublicList, VillageNotice } from '../../../src-main/api/contract';

import { Doc, DocTable } from '../../print/Doc';
import { chineseDate, sentence } from '../../format';
import { useGlossary } from '../../glossary';

export function HouseholdNoticeDoc({ n }: { n: HouseholdNotice }) {
  return (
    <Doc
      title={`${n.officeTitle}${n.coverageYear}年度城乡居民基本医疗保险缴费通知单`}
      sub={`${n.villageName}\u3000户号：${n.householdNumber}\u3000户主：${n.headName}`}
      testId="household-notice"
    >
      <table className="notice-table">
        {/* Widths fixed in mm for the A4's 180: a name, an ID number and an amount never wrap; a long 资助类别 wraps inside its cell. */}
        <colgroup>
          <col style={{ width: '15mm' }} />
          <col style={{ width: '33mm' }} />
          <col style={{ width: '14mm' }} />
          <col />
          <col style={{ width: '42mm' }} />
          <col style={{ width: '42mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>姓名</th>
            <th>身份证号</th>
            <th>
              与户主
              <br />
              关系
            </th>
            <th>
              资助类别
              <br />
              （部门）
            </th>
            <th>
              一档
              <br />
              标准／资助／个人缴
            </th>
            <th>
              二档
              <br />
              标准／资助／个人缴
            </th>
          </tr>
        </thead>
        <tbody>
          {n.members.map((m) => {
            const opt = (tier: 1 | 2) => {
              // Paid: 已参保 under the tier paid (a scheme without tiers: the first column).
              if (m.enrolledReceipt) return tier === (m.enrolledTier ?? 1) ? <span className="wrap">已参保（收据 {m.enrolledReceipt}）</span> : '';
              if (m.notDue) return tier === 1 ? <span className="wrap">{m.notDue}</span> : '';
              const o = m.options.find((x) => x.tier === tier);
              // One line: standard, subsidy and share read across, never broken between them.
              return o ? <span className="money">{`${o.feeYuan}／${o.subsidyYuan}／${o.personalYuan}\u00a0元`}</span> : '';
            };
            return (
              <tr key={m.personId}>
                {/* A long name (up to 30 characters, 阿依古丽·买买提) or relation wraps in its cell; an ID number never. */}
                <td className="wrap">{m.name}</td>
                <td className="keep">{m.idNumber}</td>
                <td className="wrap">{m.relation}</td>
                <td className="wrap">{m.subsidyLabel}</td>
                <td>{opt(1)}</td>
                <td>{opt(2)}</td>
              </tr>
            );
          })}
          {n.totals.length > 0 && (
            <tr>
              <td colSpan={4} className="keep">
                全户合计
              </td>
              {([1, 2] as const).map((tier) => {
                const t = n.totals.find((x) => x.tier === tier);
                return <td key={tier}>{t ? <span className="money">{`${t.persons} 人应缴 ${t.personalYuan}\u00a0元`}</span> : ''}</td>;
              })}
            </tr>
          )}
        </tbody>
      </table>
      <h3>缴费时间</h3>
      {n.window ? (
        <p>
          {sentence(`${n.window.text}（${n.window.cite}）`)}请在{chineseDate(n.window.to)}前缴费，逾期缴费的须等待期满后才能享受待遇。
        </p>
      ) : (
        <p>本年度缴费时段已结束，请到社保所咨询。</p>
      )}
      <h3>缴费方式</h3>
      <p>{n.channels.length ? `${n.channels.join('、')}。` : '请到社保所或村（社区）便民服务中心缴费。'}</p>
      <p>个人缴费金额按资助后应缴金额缴纳；全额资助人员由社保所统一办理，无需缴费。依据：{n.sources.join('、')}。</p>
      <div className="sign">
        {n.officeTitle}社保所{'\u3000'}
        {chineseDate(n.printedOn)}
      </div>
    </Doc>
  );
}

export function PublicListDoc({ l }: { l: PublicList }) {
  return (
    <Doc
      title={`${l.officeTitle}${l.coverageYear}年度城乡居民医保参保资助对象公示名单`}
      sub={`${l.villageName ?? '全部村（社区）'}\u3000共 ${l.rows.length} 人\u3000资助金额合计 ${l.totalYuan} 元`}
      testId="public-list"
    >
      <DocTable
        keep={[2, 3]}
        head={['序号', '村（社区）', '姓名', '身份证号', '资助类别', '认定部门', '参保档次', '资助金额（元）']}
        rows={l.rows.map((r, i) => [i + 1, r.villageName, r.name, r.idNumber, r.categoryLabel, r.departmentLabel, r.tierLabel, r.subsidyYuan])}
      />
      <p data-testid="public-terms">
        公示期：{chineseDate(l.publicFrom)}至{chineseDate(l.publicTo)}。公示期间如有异议，请向{l.officeTitle}社保所反映。联系电话：
        {l.phone || <span className="sign-line" aria-label="联系电话填写处" />}
        {'\u3000'}地址：{l.address || <span className="sign-line wide" aria-label="地址填写处" />}
      </p>
    </Doc>
  );
}

export function NotEnrolledDoc({ title, rows, villageName }: { title: string; rows: PersonSummary[]; villageName: string }) {
  const answers = useGlossary().notEnrolledAnswers;
  return (
    <Doc title={title} sub={`${villageName}\u3000共 ${rows.length} 人\u3000（请村逐人核实，在“未参保原因”栏填写后交回社保所）`} testId="not-enrolled">
      <DocTable
        keep={[2, 3]}
        head={['序号', '户号', '姓名', '身份证号', '联系电话', '未参保原因', '备注']}
        rows={rows.map((r, i) => [i + 1, r.householdNumber, r.name, r.idNumber, r.phone, '', ''])}
      />
      {/* The words the office reads back, as the xlsx's dropdown offers them. */}
      <p className="keep-together" data-testid="reason-words">
        “未参保原因”请填以下之一：{answers.join('、')}。填“其他”的请在备注栏写明。
      </p>
    </Doc>
  );
}

export function VillageNoticeDoc({ n }: { n: VillageNotice }) {
  return (
    <Doc title={`关于做好${n.coverageYear}年度城乡居民基本医疗保险参保缴费工作的通知`} testId="village-notice">
      <p style={{ textIndent: 0 }}>各村（社区）：</p>
      <p>
        根据{n.sources.map((s) => `《${s.title}》（${s.number}）`).join('、')}，现将{n.coverageYear}
        年度城乡居民基本医疗保险参保缴费工作有关事项通知如下，请各村（社区）认真组织实施。
      </p>
      <h3>一、缴费标准</h3>
      <p>
        {n.tiers.map((t) => `${t.tierLabel}${t.feeYuan}元/人`).join('，')}。特殊困难人员按认定部门的资助标准给予资助，具有多重身份的按就高标准资助，不重复资助。
      </p>
      <h3>二、缴费时间</h3>
      {n.windows.map((w) => (
        <p key={w.label} data-testid="village-window">
          {statesItsDates(w) ? (
            sentence(w.text)
          ) : (
            <>
              {w.label}：{w.from ? `${chineseDate(w.from)}至` : '至'}
              {chineseDate(w.to)}。{sentence(w.text)}
            </>
          )}
        </p>
      ))}
      <h3>三、缴费方式</h3>
      <p>{n.channels.length ? `${n.channels.join('、')}。` : '到社保所或村（社区）便民服务中心缴费。'}</p>
      <h3>四、目标任务</h3>
      <DocTable
        head={['村（社区）', `${n.coverageYear}年参保目标任务数`]}
        rows={n.targets.map((t) => [t.villageName, t.target])}
        foot={['合计', n.targets.reduce((s, t) => s + t.target, 0)]}
      />
      {/* The last section and the signature stay together: a date alone on a page is no notice. */}
      <div className="keep-together">
        <h3>五、工作要求</h3>
        <p>各村（社区）要逐户摸清参保底数，对未参保人员逐人核实原因并每周报送进度，确保应保尽保。</p>
        <div className="sign">
          {n.townshipName}社保所
          <br />
          {chineseDate(n.printedOn)}
        </div>
      </div>
    </Doc>
  );
}

/** 3月1日 for 2024-03-01: how a notice's own words name a day. */
const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * Whether a period's own words already give both its first and last day (2024年3月1日至6月30日前参保缴费的…):
 * then they are printed alone, not after the same dates again.
 */
const statesItsDates = (w: { from: string | null; to: string; text: string }): boolean =>
  w.from !== null && w.text.includes(monthDay(w.from)) && w.text.includes(monthDay(w.to));
