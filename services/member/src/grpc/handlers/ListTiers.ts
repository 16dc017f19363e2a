import type { DataSource } from 'typeorm';
import type { ListTiersResponse } from '../../../../../proto/gen/membergraph/member/v1/ListTiersResponse';
import { loadLadder } from '../../db/ladder';

/** The tier ids of the ladder in force now, lowest rank first. */
export async function listTiers(dataSource: DataSource): Promise<ListTiersResponse> {
  const ladder = await loadLadder(dataSource);
  return { tierIds: [...ladder].sort((a, b) => a.rank - b.rank).map((tier) => tier.id) };
}
