import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../kit/src';
import type { ExperimentPlan, GroupTotals, VariantPlan } from '../domain/experiment';
import { Experiment } from './entities/Experiment';
import { ExperimentCost } from './entities/ExperimentCost';
import { ExperimentParticipant } from './entities/ExperimentParticipant';

/** An experiment row with its variants parsed: what assignment and results work on. */
export type LoadedExperiment = Experiment & { plan: ExperimentPlan };

export function withPlan(row: Experiment): LoadedExperiment {
  const variants = JSON.parse(row.variants) as VariantPlan[];
  return Object.assign(row, { plan: { key: row.key, name: row.name, salt: row.salt, holdoutMilli: row.holdoutMilli, variants } });
}

/** The experiment with this key, or NOT_FOUND on `experimentKey`. */
export async function experimentByKey(db: DataSource | EntityManager, key: string): Promise<LoadedExperiment> {
  const row = await db.getRepository(Experiment).findOneBy({ key });
  if (!row) throw new DomainError('NOT_FOUND', `no experiment ${JSON.stringify(key)}`, { field: 'experimentKey' });
  return withPlan(row);
}

/** Exposures, conversions and cost per group: two grouped statements whatever the size. */
export async function groupTotals(dataSource: DataSource, experimentId: string): Promise<GroupTotals[]> {
  const counts: Array<{ key: string; exposures: string | number; conversions: string | number }> = await dataSource
    .getRepository(ExperimentParticipant)
    .createQueryBuilder('p')
    .select('p.variant_key', 'key')
    .addSelect('COUNT(*)', 'exposures')
    .addSelect('SUM(CASE WHEN p.converted_at IS NULL THEN 0 ELSE 1 END)', 'conversions')
    .where('p.experiment_id = :experimentId', { experimentId })
    .groupBy('p.variant_key')
    .getRawMany();
  const costs: Array<{ key: string; cost: string | number }> = await dataSource
    .getRepository(ExperimentCost)
    .createQueryBuilder('c')
    .select('c.variant_key', 'key')
    .addSelect('SUM(c.amount_fen)', 'cost')
    .where('c.experiment_id = :experimentId', { experimentId })
    .groupBy('c.variant_key')
    .getRawMany();
  const totals = new Map<string, GroupTotals>();
  const of = (key: string) => totals.get(key) ?? totals.set(key, { key, exposures: 0, conversions: 0, costFen: 0 }).get(key)!;
  for (const row of counts) Object.assign(of(row.key), { exposures: Number(row.exposures), conversions: Number(row.conversions) });
  for (const row of costs) of(row.key).costFen = Number(row.cost);
  return [...totals.values()];
}
