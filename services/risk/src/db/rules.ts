import type { DataSource, EntityManager } from 'typeorm';
import { invalidateShared, sharedValue } from '../../../kit/src';
import { parseDefinition, type RiskRule } from '../domain/rules';
import { RiskRuleRow } from './entities/RiskRuleRow';

/** A stored rule as the domain evaluates it (its definition passed parseRule when it was saved). */
export function ruleOf(row: RiskRuleRow): RiskRule {
  return {
    id: row.id,
    description: row.description,
    enabled: row.enabled,
    outcome: row.outcome as RiskRule['outcome'],
    score: row.score,
    definition: parseDefinition(row.definition),
  };
}

/** The enabled rules, in id order so findings come in a stable order. */
export async function enabledRules(manager: EntityManager): Promise<RiskRule[]> {
  const rows = await manager.getRepository(RiskRuleRow).find({ where: { enabled: true }, order: { id: 'ASC' } });
  return rows.map(ruleOf);
}

const ENABLED_RULES = 'risk.enabledRules';

/**
 * The enabled rules as every assessment of this process reads them: the same for every caller and
 * edited rarely, so read at most once a second (SHARED_VALUE_TTL_MS bounds how long another replica
 * judges by the previous rules) and again at once after this process saved a rule. Saves a
 * statement on every Assess and every batch. Frozen, since all assessments hold the same objects.
 */
export function sharedEnabledRules(dataSource: DataSource): Promise<readonly RiskRule[]> {
  return sharedValue(dataSource, ENABLED_RULES, async () =>
    Object.freeze((await enabledRules(dataSource.manager)).map((rule) => Object.freeze(rule))),
  ).get();
}

/** After a rule has been saved and committed: this process's next assessment reads the rules again. */
export function rulesChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, ENABLED_RULES);
}
