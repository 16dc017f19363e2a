import type { EntityManager } from 'typeorm';
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
