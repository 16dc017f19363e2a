import { actorOf, requireSelfOrStaff, requireStaff } from '../../../../kit/src';
import { createCampaign } from '../../commands/createCampaign';
import { createExperiment } from '../../commands/createExperiment';
import { defineSegment } from '../../commands/defineSegment';
import { recomputeSegmentsNow } from '../../commands/recomputeSegments';
import { recordChannelSpend } from '../../commands/recordChannelSpend';
import { recordConversion } from '../../commands/recordConversion';
import { recordExperimentCost } from '../../commands/recordExperimentCost';
import { recordExposure } from '../../commands/recordExposure';
import { stopExperiment } from '../../commands/stopExperiment';
import { experimentByKey } from '../../db/experiments';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireGrowthWriter } from '../staff';

export const Mutation: MutationResolvers = {
  createCampaign: (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    return createCampaign(ctx.dataSource, args.input);
  },
  createExperiment: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return createExperiment(ctx.dataSource, args.input, actorOf(ctx.identity));
  },
  recordExperimentExposure: async (_, args, ctx) => {
    requireSelfOrStaff(ctx.identity, args.memberId, ['ADMIN', 'OPERATOR', 'POS']);
    const exposure = await recordExposure(ctx.dataSource, args);
    return { ...exposure, variant: exposure.variantKey };
  },
  recordExperimentConversion: async (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    const conversion = await recordConversion(ctx.dataSource, args);
    return { experimentKey: args.experimentKey, memberId: args.memberId, variant: conversion.variantKey, recorded: conversion.recorded };
  },
  recordExperimentCost: async (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    await recordExperimentCost(
      ctx.dataSource,
      { experimentKey: args.experimentKey, variantKey: args.variant, amount: args.amount, idempotencyKey: args.idempotencyKey },
      actorOf(ctx.identity),
    );
    return experimentByKey(ctx.dataSource, args.experimentKey);
  },
  stopExperiment: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return stopExperiment(ctx.dataSource, { experimentKey: args.experimentKey, promote: args.promote });
  },
  defineSegment: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return defineSegment(ctx.dataSource, args.input, actorOf(ctx.identity));
  },
  recomputeSegments: (_, __, ctx) => {
    requireGrowthWriter(ctx.identity);
    return recomputeSegmentsNow(ctx.dataSource, ctx.segments.peers, ctx.segments.rules, actorOf(ctx.identity));
  },
  recordChannelSpend: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return recordChannelSpend(ctx.dataSource, args, actorOf(ctx.identity), ctx.segments.utcOffsetMinutes);
  },
};
