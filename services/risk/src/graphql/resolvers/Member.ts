import { readableMemberRef } from '../../../../kit/src';
import type { RiskContext } from '../../context';

export const Member = {
  __resolveReference: readableMemberRef,
  risk: (member: { id: string }, _: unknown, ctx: RiskContext) => ctx.loaders.riskOfMember.load(readableMemberRef(member, ctx).id),
};
