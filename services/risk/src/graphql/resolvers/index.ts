import type { Resolvers } from '../__generated__/resolvers-types';
import { Member } from './Member';
import { MemberModelVersion } from './MemberModelVersion';
import { MemberScores } from './MemberScores';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { RiskAlert } from './RiskAlert';
import { RiskAssessment } from './RiskAssessment';
import { RiskProfile } from './RiskProfile';
import { RiskRule } from './RiskRule';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Member,
  RiskProfile,
  RiskAssessment,
  RiskRule,
  RiskAlert,
  MemberScores,
  MemberModelVersion,
};
