import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PiiAccess } from '../db/entities/PiiAccess';

/**
 * Records that staff or a partner read members' personal data (PIPL audit): one row per member
 * with every field read, in one INSERT. `reads` are `<memberId>:<field>` keys.
 */
export async function recordPiiReads(
  dataSource: DataSource,
  reader: { actor: string; requestId: string },
  reads: readonly string[],
  now = new Date(),
): Promise<void> {
  const fields = new Map<string, Set<string>>();
  for (const read of reads) {
    const [memberId, field] = read.split(':');
    fields.set(memberId, (fields.get(memberId) ?? new Set()).add(field));
  }
  await dataSource.getRepository(PiiAccess).insert(
    [...fields].map(([memberId, read]) => ({
      id: randomUUID(),
      actor: reader.actor.slice(0, 100),
      memberId,
      fields: [...read].sort().join(',').slice(0, 255),
      purpose: `GraphQL read, request ${reader.requestId}`.slice(0, 255),
      at: now,
    })),
  );
}
