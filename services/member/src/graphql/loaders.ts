import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { actorOf, findByPlainSql, groupByKeys, orderByKeys, type RequestBase } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { ConsentChange } from '../db/entities/ConsentChange';
import { readWithGrantsEnded } from '../commands/endGrants';
import { recordPiiReads } from '../commands/recordPiiReads';
import { sharedLadder } from '../db/ladder';
import type { TierRule } from '../domain/tiers';

/**
 * Per-request loaders, each made on first use (a card reads the member and its tier: a request
 * builds only what it reads): one SQL statement per kind of data however many members a query touches.
 */
export class MemberLoaders {
  private ladderInForce: Promise<TierRule[]> | undefined;
  private made: {
    member?: DataLoader<string, Member | null>;
    piiRead?: DataLoader<string, true>;
    tier?: DataLoader<string, TierRule | null>;
    tierHistory?: DataLoader<string, TierChange[]>;
    consentHistory?: DataLoader<string, ConsentChange[]>;
  } = {};

  constructor(
    private readonly dataSource: DataSource,
    private readonly request: Pick<RequestBase, 'identity' | 'requestId'>,
  ) {}

  get member(): DataLoader<string, Member | null> {
    return (this.made.member ??= new DataLoader(async (ids) =>
      orderByKeys(
        ids,
        await readWithGrantsEnded(this.dataSource, () =>
          findByPlainSql(this.dataSource, Member, 'WHERE id IN (:...ids)', { ids: [...ids] }),
        ),
        (m) => m.id,
      ),
    ));
  }

  /**
   * Records that staff or a partner read a member's personal data (PIPL audit): every read of a
   * request goes into one INSERT. Keys are `<memberId>:<field>`.
   */
  get piiRead(): DataLoader<string, true> {
    return (this.made.piiRead ??= new DataLoader(async (keys) => {
      await recordPiiReads(this.dataSource, { actor: actorOf(this.request.identity), requestId: this.request.requestId }, keys);
      return keys.map(() => true as const);
    }));
  }

  /** The ladder in force now, the same for the whole request (from the process's shared tier versions). */
  ladder(): Promise<TierRule[]> {
    return (this.ladderInForce ??= sharedLadder(this.dataSource));
  }

  get tier(): DataLoader<string, TierRule | null> {
    return (this.made.tier ??= new DataLoader(async (ids) => orderByKeys(ids, await this.ladder(), (t) => t.id)));
  }

  get tierHistory(): DataLoader<string, TierChange[]> {
    return (this.made.tierHistory ??= new DataLoader(async (memberIds) =>
      groupByKeys(
        memberIds,
        await this.dataSource
          .getRepository(TierChange)
          .find({ where: { memberId: In([...memberIds]) }, order: { at: 'DESC', id: 'DESC' } }),
        (c) => c.memberId,
      ),
    ));
  }

  get consentHistory(): DataLoader<string, ConsentChange[]> {
    return (this.made.consentHistory ??= new DataLoader(async (memberIds) =>
      groupByKeys(
        memberIds,
        await this.dataSource
          .getRepository(ConsentChange)
          .find({ where: { memberId: In([...memberIds]) }, order: { at: 'DESC', id: 'DESC' } }),
        (c) => c.memberId,
      ),
    ));
  }
}

export function createLoaders(dataSource: DataSource, request: Pick<RequestBase, 'identity' | 'requestId'>): MemberLoaders {
  return new MemberLoaders(dataSource, request);
}
