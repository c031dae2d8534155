// The Chinese label of every code (glossary.md), for the screens.
import { z } from 'zod';
import { FIELD_LABELS } from '../domain/import/fields';
import { DEPARTMENTS, OUT_OF_COUNTY, OUT_OF_SCOPE, PERSON_CATEGORIES, RESIDENCES, STUDENT_KINDS } from '../domain/codes';
import { EXPORT_TITLES } from '../excel/exports';
import { reads } from './handler';

export const glossaryHandlers = {
  'glossary.get': reads('anyone', z.object({}).strict(), () => ({
    categories: PERSON_CATEGORIES,
    departments: DEPARTMENTS,
    residences: RESIDENCES,
    students: STUDENT_KINDS,
    outOfScope: OUT_OF_SCOPE,
    outOfCounty: OUT_OF_COUNTY,
    statuses: { active: '正常', ...OUT_OF_SCOPE },
    importFields: FIELD_LABELS,
    exports: EXPORT_TITLES,
  })),
};
