import { RECORD_ORDER, REGISTER } from '../../test/harness/operations';
import type { Cluster } from './cluster';

/** Members with one order each, through the gateway as the ADMIN; returns their ids. */
export async function seedMembers(cluster: Cluster, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const phone = `136${String(i).padStart(8, '0')}`;
    const registered = await cluster.query<{ registerMember: { id: string } | null }>(REGISTER, { phone, channel: 'WEB' });
    const id = registered.body.data?.registerMember?.id;
    if (!id) throw new Error(`registerMember failed: ${JSON.stringify(registered.body.errors)}`);
    const order = await cluster.query(RECORD_ORDER, { memberId: id, orderNo: `SEED-${i}`, amount: `${100 + i * 7}.00`, channel: 'WEB' });
    if (order.body.errors) throw new Error(`recordOrder failed: ${JSON.stringify(order.body.errors)}`);
    ids.push(id);
  }
  return ids;
}
