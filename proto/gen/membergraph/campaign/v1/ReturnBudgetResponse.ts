// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

export interface ReturnBudgetResponse {
  /**
   * Points given back to the campaigns' budgets by this return.
   */
  'returnedPoints'?: (number | string | Long);
  /**
   * The key was returned before; nothing more was given back.
   */
  'replayed'?: (boolean);
}

export interface ReturnBudgetResponse__Output {
  /**
   * Points given back to the campaigns' budgets by this return.
   */
  'returnedPoints': (string);
  /**
   * The key was returned before; nothing more was given back.
   */
  'replayed': (boolean);
}
