import { createContext, useContext } from 'react';
import type { Glossary } from '../src-main/api/contract';

const EMPTY: Glossary = {
  categories: {},
  departments: {},
  certifiedBy: {},
  residences: {},
  students: {},
  outOfScope: {},
  outOfCounty: {},
  statuses: {},
  importFields: {},
  exports: {},
  notEnrolledAnswers: [],
};

export const GlossaryContext = createContext<Glossary>(EMPTY);
export const useGlossary = () => useContext(GlossaryContext);
/** The label of a code, or the code itself while the glossary loads. */
export const label = (table: Record<string, string>, code: string | null | undefined) => (code ? (table[code] ?? code) : '');
