import type { DataSource } from 'typeorm';
import { inTransaction, rowLock } from '../../../kit/src';
import { RiskRuleRow } from '../db/entities/RiskRuleRow';
import { rulesChanged } from '../db/rules';
import { parseRule, type RuleInput } from '../domain/rules';

/**
 * Creates a rule or replaces one, bumping its version. The rule is parsed first: one that does not
 * parse (unknown kind, a missing or out-of-range parameter, not JSON) is BAD_USER_INPUT and
 * nothing is written. The next Assess of this process evaluates the saved rule (another replica's
 * within SHARED_VALUE_TTL_MS: see sharedEnabledRules).
 */
export async function saveRiskRule(dataSource: DataSource, input: RuleInput, actor: string, now = new Date()): Promise<RiskRuleRow> {
  const rule = parseRule(input);
  const saved = await inTransaction(dataSource, async (manager) => {
    const rules = manager.getRepository(RiskRuleRow);
    const current = await rules.findOne({ where: { id: rule.id }, lock: rowLock(manager) });
    const row = Object.assign(new RiskRuleRow(), {
      id: rule.id,
      description: rule.description,
      enabled: rule.enabled,
      outcome: rule.outcome,
      score: rule.score,
      // Stored as parsed (known keys only, duplicate actions dropped), so what is shown is what runs.
      definition: JSON.stringify(rule.definition),
      version: (current?.version ?? 0) + 1,
      updatedBy: actor.slice(0, 64),
      updatedAt: now,
    });
    await rules.save(row);
    return row;
  });
  rulesChanged(dataSource);
  return saved;
}
