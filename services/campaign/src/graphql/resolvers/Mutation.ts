import { actorOf, requireSelf, requireSelfOrStaff, requireStaff } from '../../../../kit/src';
import { addReferralRung } from '../../commands/addReferralRung';
import { changeReferralRung } from '../../commands/changeReferralRung';
import { claimReferral } from '../../commands/claimReferral';
import { rejectReferral } from '../../commands/rejectReferral';
import { releaseReferral } from '../../commands/releaseReferral';
import { retireReferralRung } from '../../commands/retireReferralRung';
import { CALENDAR_EVENT_KEY } from '../../commands/campaignCalendar';
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
import { moveCampaign } from '../../commands/moveCampaign';
import { setCoefficientCombination } from '../../commands/setCoefficientCombination';
import { shareReferral } from '../../commands/shareReferral';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireGrowthWriter } from '../staff';

export const Mutation: MutationResolvers = {
  // Points holds the campaign calendar to earn with: told before the answer, so the next earn applies the change.
  createCampaign: async (_, args, ctx) => {
    const actor = requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    const campaign = await createCampaign(ctx.dataSource, args.input, actor);
    await ctx.events.deliverNow(CALENDAR_EVENT_KEY);
    return campaign;
  },
  scheduleCampaign: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    const campaign = await moveCampaign(ctx.dataSource, args.id, 'SCHEDULE');
    await ctx.events.deliverNow(CALENDAR_EVENT_KEY);
    return campaign;
  },
  endCampaign: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    const campaign = await moveCampaign(ctx.dataSource, args.id, 'END');
    await ctx.events.deliverNow(CALENDAR_EVENT_KEY);
    return campaign;
  },
  setCoefficientCombination: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    const rule = await setCoefficientCombination(ctx.dataSource, args.combination, actorOf(ctx.identity));
    await ctx.events.deliverNow(CALENDAR_EVENT_KEY);
    return rule === 'max' ? 'MAX' : 'MULTIPLY';
  },
  shareReferral: (_, args, ctx) => {
    const memberId = ctx.identity.subject ?? '';
    requireSelf(ctx.identity, memberId, 'only a signed-in member shares their referral code');
    return shareReferral(ctx.dataSource, ctx.config.referral, { memberId, channel: args.channel });
  },
  claimReferral: async (_, args, ctx) => {
    const memberId = ctx.identity.subject ?? '';
    requireSelf(ctx.identity, memberId, 'only a signed-in member adds a referral code');
    await claimReferral(ctx.dataSource, ctx.config.referral, ctx.events, { memberId, code: args.code });
    return { memberId };
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
  addReferralRung: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return addReferralRung(
      ctx.dataSource,
      ctx.peers,
      { rung: args.input, effectiveFrom: args.effectiveFrom, reason: args.reason },
      actorOf(ctx.identity),
    );
  },
  changeReferralRung: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return changeReferralRung(
      ctx.dataSource,
      ctx.peers,
      { rungId: args.rungId, rung: args.input, effectiveFrom: args.effectiveFrom, reason: args.reason },
      actorOf(ctx.identity),
    );
  },
  retireReferralRung: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return retireReferralRung(
      ctx.dataSource,
      { rungId: args.rungId, effectiveFrom: args.effectiveFrom, reason: args.reason },
      actorOf(ctx.identity),
    );
  },
  releaseReferral: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return releaseReferral(ctx.dataSource, ctx.peers, { id: args.id, reason: args.reason }, actorOf(ctx.identity));
  },
  rejectReferral: (_, args, ctx) => {
    requireGrowthWriter(ctx.identity);
    return rejectReferral(ctx.dataSource, { id: args.id, reason: args.reason }, actorOf(ctx.identity));
  },
};
