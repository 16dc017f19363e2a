import type { DataSource } from 'typeorm';
import { DomainError, isUniqueViolation } from '../../../kit/src';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { parseCouponTemplate, type CouponTemplateInput } from '../domain/couponTemplate';

/** Creates a coupon template (staff): its whole stock and budget are left to issue. A code is used once. */
export async function defineCouponTemplate(
  dataSource: DataSource,
  input: CouponTemplateInput,
  actor: string,
  now = new Date(),
): Promise<CouponTemplate> {
  const rules = parseCouponTemplate(input);
  const templates = dataSource.getRepository(CouponTemplate);
  const template = templates.create({
    ...rules,
    stockLeft: rules.stock,
    budgetLeftFen: rules.budgetFen,
    createdBy: actor,
    createdAt: now,
  });
  try {
    await templates.insert(template);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `a coupon template ${rules.code} already exists`, { field: 'code' });
    throw error;
  }
  return template;
}
