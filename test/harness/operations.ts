/** GraphQL operations the tests share, so each flow is written once. */
export const REGISTER = /* GraphQL */ `
  mutation Register($phone: String!, $channel: Channel!) {
    registerMember(phone: $phone, channel: $channel) {
      id
      maskedPhone
      tier {
        id
      }
    }
  }
`;

export const RECORD_ORDER = /* GraphQL */ `
  mutation Order($memberId: ID!, $orderNo: String!, $amount: String!, $channel: Channel!) {
    recordOrder(memberId: $memberId, orderNo: $orderNo, amount: $amount, channel: $channel) {
      orderNo
      amount
      pointsEarned
      replayed
      member {
        points {
          balance
        }
      }
    }
  }
`;

/** The member card of the README: one query, all five subgraphs. */
export const MEMBER_CARD = /* GraphQL */ `
  query MemberCard($id: ID!) {
    member(id: $id) {
      id
      maskedPhone
      tier {
        id
        name
        benefits {
          name
          level
        }
      }
      points {
        balance
      }
      benefits {
        name
      }
      liveCampaigns {
        name
        activityCoefficient
      }
      risk {
        level
        assessments
      }
    }
  }
`;

/** A mainland mobile number that is unique within a test run. */
let sequence = 0;
export function uniquePhone(): string {
  sequence += 1;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(sequence).padStart(4, '0')}`;
}
