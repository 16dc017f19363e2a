import { formatFen } from '../../../../kit/src';
import type { CouponTemplate as TemplateRow } from '../../db/entities/CouponTemplate';

const money = (fen: number | null) => (fen === null ? null : formatFen(fen));
const iso = (at: Date | null) => at?.toISOString() ?? null;

export const CouponTemplate = {
  amount: (t: TemplateRow) => money(t.amountFen),
  maxDiscount: (t: TemplateRow) => money(t.maxDiscountFen),
  minSpend: (t: TemplateRow) => formatFen(t.minSpendFen),
  budget: (t: TemplateRow) => money(t.budgetFen),
  budgetLeft: (t: TemplateRow) => money(t.budgetLeftFen),
  validFrom: (t: TemplateRow) => iso(t.validFrom),
  validTo: (t: TemplateRow) => iso(t.validTo),
  createdAt: (t: TemplateRow) => t.createdAt.toISOString(),
};
