// Original file: proto/benefits.proto

import type { TierBenefit as _membergraph_benefits_v1_TierBenefit, TierBenefit__Output as _membergraph_benefits_v1_TierBenefit__Output } from '../../../membergraph/benefits/v1/TierBenefit';

export interface ListTierBenefitsResponse {
  'benefits'?: (_membergraph_benefits_v1_TierBenefit)[];
}

export interface ListTierBenefitsResponse__Output {
  'benefits': (_membergraph_benefits_v1_TierBenefit__Output)[];
}
