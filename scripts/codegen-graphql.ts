/**
 * Generates each subgraph's resolver types from schemas/<service>.graphql with graphql-codegen
 * (typescript + typescript-resolvers, federation) into services/<service>/src/graphql/__generated__/.
 * The output is committed; `--check` fails when it is out of date.
 *
 * It calls @graphql-codegen/core directly rather than the CLI: the schema is one local file, so no
 * loaders (URL, GitHub, Apollo registry) are needed, nothing touches the network, and the CLI's
 * dependencies would require a newer Node than the one the services run on.
 */
import { codegen } from '@graphql-codegen/core';
import type { Types } from '@graphql-codegen/plugin-helpers';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'graphql';

const root = join(__dirname, '..');

/** Where one subgraph's resolvers get their context and the parent values its resolvers return. */
interface SubgraphTypes {
  /** `path#Type`, relative to the generated file. */
  context: string;
  /** GraphQL type → `path#Type` (or an inline type) of what resolvers hand to that type's field resolvers. */
  mappers: Record<string, string>;
}

/** A federated entity another subgraph owns: this one only ever sees its key. */
const MEMBER_REF = '{ id: string }';

export const SUBGRAPHS: Record<string, SubgraphTypes> = {
  member: {
    context: '../../context#MemberContext',
    mappers: {
      Member: '../../db/entities/Member#Member',
      Tier: '../../domain/tiers#TierRule',
      TierChange: '../../db/entities/TierChange#TierChange',
      ConsentChange: '../../db/entities/ConsentChange#ConsentChange',
      AuthSession: '../../auth/sessions#Session',
      StaffAccount: '../../db/entities/StaffAccount#StaffAccount',
      PartnerKey: '../../db/entities/PartnerKey#PartnerKey',
      // issuePartnerKey answers the stored row and, this once, the key itself.
      IssuedPartnerKey: 'PartnerKeyModel & { key: string }',
    },
  },
  points: {
    context: '../../context#PointsContext',
    mappers: {
      Member: MEMBER_REF,
      PointsAccount: '../loaders#AccountView',
      LedgerEntry: '../../db/entities/LedgerEntry#LedgerEntry',
      OrderReceipt: '../../commands/recordOrder#Receipt',
      RefundReceipt: "{ refund: import('../../db/entities/Refund').Refund; replayed: boolean }",
      SpendStats: '../../db/spendStats#SpendView',
    },
  },
  benefits: {
    context: '../../context#BenefitsContext',
    mappers: {
      // The gateway sends the member's tier (id, γ in force…) with each member, and for the ranking registeredAt and spend (@requires).
      Member: '../memberSignals#RankingRef',
      Tier: '../memberSignals#TierRef',
      Benefit: '../../db/tierBenefits#TierBenefitView',
      CatalogueBenefit: '../../db/entities/Benefit#Benefit',
      TierBenefitRevision: '../../db/entities/BenefitCell#BenefitCell',
      CouponTemplate: '../../db/entities/CouponTemplate#CouponTemplate',
      Coupon: '../../db/entities/Coupon#Coupon',
      CheckoutValidation: '../../domain/checkout#CheckoutPlan',
      CouponCheck: '../../domain/checkout#CouponCheck',
      DiscountLine: '../../domain/checkout#DiscountLine',
      CouponRedemption: '../../commands/redeemCoupons#RedemptionReceipt',
      Reward: '../../db/entities/Reward#Reward',
      RewardRedemption: '../../db/entities/RewardRedemption#RewardRedemption',
      // Member.benefits: the tier's benefit, ranked for the member (domain/ranking).
      MemberBenefit: '../memberSignals#MemberBenefitView',
      BenefitRating: '../../db/entities/BenefitRating#BenefitRating',
      BenefitRatingSummary: '../../domain/ratings#RatingSummary',
      OccasionReward: '../../db/entities/OccasionReward#OccasionReward',
      PartnerBrand: '../../db/entities/PartnerBrand#PartnerBrand',
      PartnerOffer: '../../db/entities/PartnerOffer#PartnerOffer',
      ClearingEntry: '../../db/entities/ClearingEntry#ClearingEntry',
      PartnerRedemption: '../../commands/redeemPartnerOffer#PartnerRedemptionReceipt',
      PartnerStatement: '../../db/partnerStatements#PartnerStatementView',
    },
  },
  campaign: {
    context: '../../context#CampaignContext',
    mappers: {
      Member: MEMBER_REF,
      Campaign: '../../db/entities/Campaign#Campaign',
      Experiment: '../../db/experiments#LoadedExperiment',
      ExperimentResults: '../../domain/experiment#ExperimentResults',
      ExperimentGroupResult: '../../domain/experiment#GroupResult',
      Segment: '../../db/entities/Segment#Segment',
      MemberSegment: '../../db/entities/MemberRfm#MemberRfm',
      MemberCluster: '../../domain/clusters#ClusterProfile',
      Clustering: '../loaders#ClusteringView',
      SegmentRecomputation: '../../commands/recomputeSegments#SegmentRunSummary',
      ChannelCac: '../../db/channelCac#ChannelCac',
      ChannelSpend: '../../commands/recordChannelSpend#RecordedChannelSpend',
      CampaignTarget: '../../db/entities/Campaign#Campaign',
      Referral: '{ memberId: string }',
      ReferredFriend: '../../db/entities/ReferralMember#ReferralMember',
      ReferralReward: '../../db/entities/ReferralReward#ReferralReward',
      ReferralRung: '../../db/entities/ReferralRungVersion#ReferralRungVersion',
      ReferralRungVersion: '../../db/entities/ReferralRungVersion#ReferralRungVersion',
      HeldReferral: '../../db/entities/ReferralMember#ReferralMember',
      ReferralDecision: '../../db/entities/ReferralDecision#ReferralDecision',
    },
  },
  risk: {
    context: '../../context#RiskContext',
    mappers: {
      Member: MEMBER_REF,
      RiskProfile: '../loaders#RiskView',
      RiskAssessment: '../../db/entities/RiskEvent#RiskEvent',
      RiskReason: '../../domain/evaluate#Finding',
      RiskRule: '../../db/entities/RiskRuleRow#RiskRuleRow',
      RiskAlert: '../../db/entities/RiskAlert#RiskAlert',
      MemberScores: '../../db/entities/MemberScoreRow#MemberScoreRow',
      MemberModelVersion: '../../db/entities/RiskModelRow#RiskModelRow',
    },
  },
};

/** The generated file of a subgraph, relative to the repo root. */
export function outputPath(service: string): string {
  return join('services', service, 'src', 'graphql', '__generated__', 'resolvers-types.ts');
}

/** The generated resolver types of one subgraph, as text. */
export async function generate(service: string): Promise<string> {
  const { context, mappers } = SUBGRAPHS[service];
  const schemaFile = join(root, 'schemas', `${service}.graphql`);
  const options: Types.GenerateOptions = {
    filename: outputPath(service),
    schema: parse(readFileSync(schemaFile, 'utf8')),
    documents: [],
    config: {
      federation: true,
      contextType: context,
      mappers,
      // Entity and model classes are imported as `<Name>Model`, so they never clash with the GraphQL type names.
      mapperTypeSuffix: 'Model',
      useTypeImports: true,
      // Enums stay string unions: the domain's own string literals are assignable to them.
      enumsAsTypes: true,
      // A new custom scalar must be mapped here: generation fails rather than typing it `any`.
      strictScalars: true,
      // _FieldSet is the federation directives' argument type (`@key(fields: "id")`).
      scalars: { ID: 'string', _FieldSet: 'string' },
      // An object type without a mapper must be returned whole: a field left out would be null at run time.
      avoidOptionals: { field: true },
    },
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript, typescriptResolvers },
  };
  const header = `// Generated by scripts/codegen-graphql.ts from ${relative(root, schemaFile)}: do not edit, run npm run codegen:graphql.\n`;
  return header + (await codegen(options));
}

/** Paths whose generated content differs from what is committed. */
export async function staleGeneratedFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const service of Object.keys(SUBGRAPHS)) {
    const path = outputPath(service);
    let committed: string | undefined;
    try {
      committed = readFileSync(join(root, path), 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== (await generate(service))) stale.push(path);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleGeneratedFiles();
    if (stale.length) {
      console.error(`GraphQL resolver types are stale; run npm run codegen:graphql. Differs: ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('GraphQL resolver types are current');
    return;
  }
  for (const service of Object.keys(SUBGRAPHS)) {
    const path = join(root, outputPath(service));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, await generate(service));
  }
}

if (process.argv[1] === __filename) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
