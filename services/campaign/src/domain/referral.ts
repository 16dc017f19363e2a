import { randomInt } from 'node:crypto';
import { DomainError } from '../../../kit/src';
import type { LiveRung } from './referralLadder';

/** Codes avoid look-alikes (0/O, 1/I/L) since people type them at a till. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

export function newReferralCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A code as typed: trimmed and upper-cased; anything else than the alphabet is unknown at once. */
export function normalizeReferralCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export const referralRefusal = (
  reason: 'UNKNOWN_REFERRAL_CODE' | 'OWN_REFERRAL_CODE' | 'ALREADY_REFERRED' | 'ATTRIBUTION_WINDOW_PASSED',
  message: string,
) => new DomainError('BAD_USER_INPUT', message, { field: 'code', reason });

/** What a member shares on each channel: a web link, the mini-program's scene string (≤ 32 characters), the POS QR payload. */
export function sharePayloads(code: string, webBase: string) {
  return {
    webLink: `${webBase}${encodeURIComponent(code)}`,
    // wx.getwxacodeunlimit's scene: at most 32 visible characters.
    miniProgramScene: `ref=${code}`,
    // Scanned at the till: the POS registers the customer with this code (scan-to-register).
    posQrPayload: `MG:REGISTER:POS:REF=${code}`,
  };
}

/** A live rung as the ladder pays it: its stable id and the version in force (referralLadder.ts). */
export type Rung = Pick<LiveRung, 'rungId' | 'revision' | 'friends' | 'reward' | 'couponTemplate' | 'points' | 'tierId' | 'inviteeToo'>;

export interface DueReward {
  rung: Rung;
  beneficiaryId: string;
  idempotencyKey: string;
}

/**
 * The rewards a referrer is owed once `counted` friends have qualified, `invitee` being the one
 * just counted: every rung up to the count (a rung added later is still paid), each once per rung
 * id — a rung the referrer was paid is not paid again after its threshold or reward changed (`has`
 * answers by rung id). "Both" rungs also reward the friend who completed them.
 *
 * The key names the rung by id, not threshold, so downstream dedupes across an edit too; the seeded
 * rungs' ids are their original thresholds (1, 3, 5), so keys of rewards granted before versioning
 * read the same.
 */
export function dueRewards(
  referrerId: string,
  invitee: string,
  counted: number,
  ladder: readonly Rung[],
  has: (rungId: number, beneficiaryId: string) => boolean,
): DueReward[] {
  const due: DueReward[] = [];
  for (const rung of [...ladder].sort((a, b) => a.friends - b.friends)) {
    if (rung.friends > counted) break;
    if (has(rung.rungId, referrerId)) continue;
    const beneficiaries = rung.inviteeToo && rung.friends === counted ? [referrerId, invitee] : [referrerId];
    for (const beneficiaryId of beneficiaries)
      if (!has(rung.rungId, beneficiaryId))
        due.push({ rung, beneficiaryId, idempotencyKey: `REFERRAL:${referrerId}:${rung.rungId}:${beneficiaryId}` });
  }
  return due;
}

export interface KFactorFigures {
  invitations: number;
  members: number;
  conversions: number;
}

/**
 * K = invitations sent per member × invitation conversion (conversions per invitation), DOMAIN.md
 * §5; in thousandths-free floats for reporting (never money). Zero when there is nothing to divide.
 */
export function kFactor({ invitations, members, conversions }: KFactorFigures) {
  const invitationsPerMember = members > 0 ? invitations / members : 0;
  const conversionRate = invitations > 0 ? conversions / invitations : 0;
  return { invitationsPerMember, conversionRate, kFactor: invitationsPerMember * conversionRate };
}
