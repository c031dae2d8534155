// The not-enrolled lists by last year's state (docs/rules.md "Lists say only what is known"),
// one table for 工作台's lists and the printed ones.
export const LAST_YEAR = {
  notEnrolled: undefined,
  insuredLastYearNotEnrolled: 'insured',
  notInsuredLastYear: 'not_insured',
  unknownLastYear: 'unknown',
} as const;
