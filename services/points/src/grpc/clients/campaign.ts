import type { ProtoGrpcType } from '../../../../../proto/gen/campaign';
import type { GetActivityCoefficientResponse__Output } from '../../../../../proto/gen/membergraph/campaign/v1/GetActivityCoefficientResponse';
import { callUnary, clientChannelOptions, grpc, loadProto } from '../../../../kit/src';

const SERVICE = 'membergraph.campaign.v1.CampaignService';

/** The campaign service as points sees it: the live activity coefficient. */
export function createCampaignClient(address: string, deadlineMs: number, serviceToken: string) {
  const proto = loadProto<ProtoGrpcType>('campaign');
  const client = new proto.membergraph.campaign.v1.CampaignService(
    address,
    grpc.credentials.createInsecure(),
    clientChannelOptions(SERVICE, serviceToken),
  );
  return {
    getActivityCoefficient: (memberId: string, at: Date) =>
      callUnary<GetActivityCoefficientResponse__Output>(
        (md, options, cb) => client.getActivityCoefficient({ memberId, atEpochMs: String(at.getTime()) }, md, options, cb),
        deadlineMs,
      ),
    close: () => client.close(),
  };
}

export type CampaignClient = ReturnType<typeof createCampaignClient>;
