// ID numbers on paper (docs/rules.md "IDs on papers").

/** 500235196005010117 → 500235********0117: enough to tell people apart on paper. */
export const maskId = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

/**
 * An ID number on a receipt or household notice (docs/rules.md "IDs on papers"): full only when
 * the office's setting says so; a caller may ask for the masked one, never for more.
 */
export const paperId = (id: string, office: { receiptFullId: boolean }, askedFull?: boolean) => (office.receiptFullId && askedFull !== false ? id : maskId(id));
