import { randomUUID } from 'node:crypto';
import { DomainError, parseDecimalToMilli, parseInstant } from '../../../kit/src';

/** "2.0" → 2000: a coefficient between 1 and 10 with at most three decimals. */
export function parseCoefficient(text: string): number {
  return parseDecimalToMilli(
    text,
    'activityCoefficient',
    { min: 1000, max: 10_000 },
    'activityCoefficient must be between 1 and 10 with at most three decimals, e.g. "2.0"',
  );
}

export interface CampaignDraft {
  id: string;
  name: string;
  coefficientMilli: number;
  startsAt: Date;
  endsAt: Date;
}

export function newCampaign(input: { name: string; activityCoefficient: string; startsAt: string; endsAt: string }): CampaignDraft {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 128) throw new DomainError('BAD_USER_INPUT', 'name must be 1–128 characters', { field: 'name' });
  const startsAt = parseInstant(input.startsAt, 'startsAt');
  const endsAt = parseInstant(input.endsAt, 'endsAt');
  if (endsAt <= startsAt) throw new DomainError('BAD_USER_INPUT', 'endsAt must be after startsAt', { field: 'endsAt' });
  return { id: randomUUID(), name, coefficientMilli: parseCoefficient(input.activityCoefficient), startsAt, endsAt };
}
