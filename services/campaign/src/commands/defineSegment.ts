import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, isUniqueViolation, parseCode } from '../../../kit/src';
import { Segment } from '../db/entities/Segment';
import { compileRule } from '../domain/segmentRules';

/**
 * Defines a rule-based segment. The rule is validated whole before anything is written (malformed
 * JSON, unknown fields, operators, segments … → BAD_USER_INPUT on `rules`); its members are
 * computed by the next recomputation (job or `recomputeSegments`). A taken key is CONFLICT.
 */
export async function defineSegment(
  dataSource: DataSource,
  input: { key: string; name: string; rules: string },
  actor: string,
): Promise<Segment> {
  const key = parseCode(input.key, 'key', { max: 64 });
  const name = input.name.trim();
  if (name.length === 0 || name.length > 128) throw new DomainError('BAD_USER_INPUT', 'name must be 1–128 characters', { field: 'name' });
  const { text } = compileRule(input.rules);
  const segment = Object.assign(new Segment(), {
    id: randomUUID(),
    key,
    name,
    rules: text,
    memberCount: 0,
    createdAt: new Date(),
    createdBy: actor.slice(0, 64),
    computedAt: null,
  });
  try {
    await dataSource.getRepository(Segment).insert(segment);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `a segment ${key} exists already`, { field: 'key' });
    throw error;
  }
  return segment;
}
