import { createContext, useContext } from 'react';
import type { Office } from '../src-main/api/contract';

export interface OfficeState {
  office: Office | null;
  setOffice: (o: Office) => void;
}

export const OfficeContext = createContext<OfficeState>({ office: null, setOffice: () => {} });
export const useOffice = () => useContext(OfficeContext);

export function officeTitle(o: Office | null): string {
  if (!o || !o.townshipName) return '尚未设置乡镇/街道';
  return `${o.county}${o.townshipName}`;
}
