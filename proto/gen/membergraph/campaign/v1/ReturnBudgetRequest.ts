// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

export interface ReturnBudgetRequest {
  /**
   * ORDER:<order_no>, as the coefficient was asked with.
   */
  'orderRef'?: (string);
  /**
   * Unique per return: REFUSED:<reservation_id> for a refused earn, REFUND:<refund_no> for a refund.
   */
  'key'?: (string);
  /**
   * The earn was refused: the reservation GetActivityCoefficient answered. Returned only while it is
   * still the order's stored answer (a newer one, from a retry, is left alone).
   */
  'reservationId'?: (string);
  /**
   * A refund (reservation_id empty): the order's refunded total over all its refunds so far and its
   * amount, in fen. Each grant has then given back floor(points × refunded_fen / amount_fen) in all,
   * so returns of several partial refunds add up exactly and may arrive in any order.
   */
  'refundedFen'?: (number | string | Long);
  'amountFen'?: (number | string | Long);
}

export interface ReturnBudgetRequest__Output {
  /**
   * ORDER:<order_no>, as the coefficient was asked with.
   */
  'orderRef': (string);
  /**
   * Unique per return: REFUSED:<reservation_id> for a refused earn, REFUND:<refund_no> for a refund.
   */
  'key': (string);
  /**
   * The earn was refused: the reservation GetActivityCoefficient answered. Returned only while it is
   * still the order's stored answer (a newer one, from a retry, is left alone).
   */
  'reservationId': (string);
  /**
   * A refund (reservation_id empty): the order's refunded total over all its refunds so far and its
   * amount, in fen. Each grant has then given back floor(points × refunded_fen / amount_fen) in all,
   * so returns of several partial refunds add up exactly and may arrive in any order.
   */
  'refundedFen': (string);
  'amountFen': (string);
}
