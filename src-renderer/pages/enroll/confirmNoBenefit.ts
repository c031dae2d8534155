import type { ReactNode } from 'react';
import type { HookAPI } from 'antd/es/modal/useModal';

/**
 * Asked before money is taken from someone whose benefits start only after the year ends
 * (docs/rules.md "A wait past 31 December"), at the one-person desk and at 全户参保 alike:
 * true when the clerk has told them and still enrolls.
 */
export async function confirmNoBenefit(modal: HookAPI, content: ReactNode): Promise<boolean> {
  return await modal.confirm({ title: '缴费后本年度内不能享受待遇', content, okText: '已说明，仍登记', cancelText: '不登记' });
}
