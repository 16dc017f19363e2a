import { DomainError, parseCode } from '../../../kit/src';

/**
 * The referral ladder as versioned data (DOMAIN.md §5 is its seed). A rung has a stable id and a
 * chain of versions, each in force from `effectiveFrom` until the rung's next version; a retired
 * version ends the rung. Versions are never changed, so the ladder as it stood at any moment reads
 * back, and a reward keeps pointing at the version it was granted under. Rewards are owed once per
 * (referrer, rung id): moving a rung's threshold or changing its reward does not pay it again.
 *
 * `revision` numbers every version of the whole ladder (1, 2, 3 …); an edit writes revision
 * latest + 1, so two edits planned against the same ladder cannot both land (the second is refused
 * by the unique revision, and no check here can be raced past).
 */

export const REWARD_KINDS = ['COUPON', 'POINTS', 'TIER'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** What a rung pays and when. */
export interface RungDefinition {
  /** Friends counted for the referrer to reach the rung. */
  friends: number;
  reward: RewardKind;
  couponTemplate: string | null;
  points: number | null;
  tierId: string | null;
  /** The friend who completed the rung gets the same reward ("both get a coupon"). */
  inviteeToo: boolean;
}

export interface RungVersion extends RungDefinition {
  revision: number;
  rungId: number;
  retired: boolean;
  effectiveFrom: Date;
}

/** A rung as the ladder pays it: a live version. */
export type LiveRung = RungVersion & { retired: false };

/** How far in the past `effectiveFrom` may be: a staff browser's clock, not a rewrite of history. */
const CLOCK_SKEW_MS = 60_000;
/** Upper bounds that keep a typo from becoming a ladder nobody reaches or a fortune in points. */
const MAX_FRIENDS = 10_000;
const MAX_POINTS = 1_000_000;

const refuse = (field: string, reason: string, message: string) => new DomainError('BAD_USER_INPUT', message, { field, reason });

function isLater(a: RungVersion, b: RungVersion): boolean {
  const diff = a.effectiveFrom.getTime() - b.effectiveFrom.getTime();
  return diff > 0 || (diff === 0 && a.revision > b.revision);
}

/** Per rung, the version in force at `at` (the one that took effect last); rungs not yet in force are left out. */
function versionsInForce(versions: readonly RungVersion[], at: Date): RungVersion[] {
  const latest = new Map<number, RungVersion>();
  for (const version of versions) {
    if (version.effectiveFrom.getTime() > at.getTime()) continue;
    const held = latest.get(version.rungId);
    if (!held || isLater(version, held)) latest.set(version.rungId, version);
  }
  return [...latest.values()];
}

/** The live rungs at `at`, lowest threshold first. */
export function ladderAt(versions: readonly RungVersion[], at: Date): LiveRung[] {
  return versionsInForce(versions, at)
    .filter((v): v is LiveRung => !v.retired)
    .sort((a, b) => a.friends - b.friends || a.rungId - b.rungId);
}

/** The last version of a rung's chain (what an edit changes); null for an unknown rung. */
export function latestVersionOf(versions: readonly RungVersion[], rungId: number): RungVersion | null {
  let latest: RungVersion | null = null;
  for (const version of versions) if (version.rungId === rungId && (!latest || isLater(version, latest))) latest = version;
  return latest;
}

/** A rung definition as staff send it; on a change, absent fields keep the rung's current values. */
export interface RungInput {
  friends?: number | null;
  kind?: string | null;
  couponTemplate?: string | null;
  points?: number | null;
  tierId?: string | null;
  inviteeToo?: boolean | null;
}

/**
 * The definition an add (`current` null) or a change writes, every rule but the tier's existence
 * checked: a threshold of at least one friend; a known reward kind carrying exactly its own figure
 * (a coupon template, points above zero, a tier code). A change that switches the kind drops the
 * old kind's figure, so the new one must be given.
 */
export function resolveRungDefinition(current: RungDefinition | null, input: RungInput): RungDefinition {
  const friends = input.friends ?? current?.friends;
  if (friends == null) throw refuse('friends', 'THRESHOLD_REQUIRED', 'friends is required');
  if (!Number.isInteger(friends) || friends <= 0)
    throw refuse('friends', 'THRESHOLD_NOT_POSITIVE', 'friends must be a whole number of at least 1');
  if (friends > MAX_FRIENDS) throw refuse('friends', 'THRESHOLD_TOO_HIGH', `friends must be at most ${MAX_FRIENDS}`);
  const kindText = input.kind ?? current?.reward;
  if (kindText == null) throw refuse('kind', 'UNKNOWN_REWARD_KIND', `kind is required: ${REWARD_KINDS.join(', ')}`);
  if (!(REWARD_KINDS as readonly string[]).includes(kindText))
    throw refuse('kind', 'UNKNOWN_REWARD_KIND', `kind must be one of ${REWARD_KINDS.join(', ')}`);
  const reward = kindText as RewardKind;
  const kept = current && current.reward === reward ? current : null;
  const couponTemplate = input.couponTemplate ?? kept?.couponTemplate ?? null;
  const points = input.points ?? kept?.points ?? null;
  const tierId = input.tierId ?? kept?.tierId ?? null;
  const inviteeToo = input.inviteeToo ?? current?.inviteeToo ?? false;
  const only = (field: string, present: boolean) => {
    if (present) throw refuse(field, 'NOT_FOR_THIS_KIND', `${field} does not belong to a ${reward} reward`);
  };
  if (reward === 'COUPON') {
    if (couponTemplate == null) throw refuse('couponTemplate', 'REWARD_REQUIRED', 'a COUPON reward needs couponTemplate');
    only('points', input.points != null);
    only('tierId', input.tierId != null);
    return {
      friends,
      reward,
      couponTemplate: parseCode(couponTemplate, 'couponTemplate', { max: 32 }),
      points: null,
      tierId: null,
      inviteeToo,
    };
  }
  if (reward === 'POINTS') {
    if (points == null) throw refuse('points', 'REWARD_REQUIRED', 'a POINTS reward needs points');
    if (!Number.isInteger(points) || points <= 0) throw refuse('points', 'NOT_POSITIVE_AMOUNT', 'points must be a whole number above 0');
    if (points > MAX_POINTS) throw refuse('points', 'AMOUNT_TOO_HIGH', `points must be at most ${MAX_POINTS}`);
    only('couponTemplate', input.couponTemplate != null);
    only('tierId', input.tierId != null);
    return { friends, reward, couponTemplate: null, points, tierId: null, inviteeToo };
  }
  if (tierId == null) throw refuse('tierId', 'REWARD_REQUIRED', 'a TIER reward needs tierId');
  if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(tierId)) throw refuse('tierId', 'UNKNOWN_TIER', 'tierId must be a tier code, e.g. GOLD');
  only('couponTemplate', input.couponTemplate != null);
  only('points', input.points != null);
  return { friends, reward, couponTemplate: null, points: null, tierId, inviteeToo };
}

/** A TIER reward names a tier of the programme (the member service's ladder, `tiers`). */
export function assertKnownTier(definition: RungDefinition, tiers: ReadonlySet<string>): void {
  if (definition.reward === 'TIER' && !tiers.has(definition.tierId!))
    throw refuse('tierId', 'UNKNOWN_TIER', `no tier ${definition.tierId} in the programme (${[...tiers].sort().join(', ')})`);
}

/** What staff ask of the ladder. */
export type LadderEdit =
  | { kind: 'ADD'; definition: RungDefinition }
  | { kind: 'CHANGE'; rungId: number; definition: RungDefinition }
  | { kind: 'RETIRE'; rungId: number };

/** The live rung an edit acts on; NOT_FOUND for an unknown id, BAD_USER_INPUT for a retired one. */
export function editableRung(versions: readonly RungVersion[], rungId: number): RungVersion {
  const latest = latestVersionOf(versions, rungId);
  if (!latest) throw new DomainError('NOT_FOUND', `no rung ${rungId} in the referral ladder`, { field: 'rungId' });
  if (latest.retired) throw refuse('rungId', 'RUNG_RETIRED', `rung ${rungId} is retired; add a new rung instead`);
  return latest;
}

/**
 * The version an edit writes, after the ladder's rules:
 * - it takes effect now or later, never in the past (what members were paid under stays true), and
 *   not before its rung's latest version (a chain is in effective order);
 * - from then on no two live rungs share a threshold — checked at its effective moment and at every
 *   later moment an already scheduled version takes effect, so a scheduled edit cannot collide later.
 */
export function planLadderEdit(versions: readonly RungVersion[], edit: LadderEdit, effectiveFrom: Date, now: Date): RungVersion {
  if (effectiveFrom.getTime() < now.getTime() - CLOCK_SKEW_MS)
    throw refuse('effectiveFrom', 'IN_THE_PAST', 'effectiveFrom must not be in the past: history is never rewritten');
  const revision = versions.reduce((max, v) => Math.max(max, v.revision), 0) + 1;
  let next: RungVersion;
  if (edit.kind === 'ADD') {
    const rungId = versions.reduce((max, v) => Math.max(max, v.rungId), 0) + 1;
    next = { ...edit.definition, revision, rungId, retired: false, effectiveFrom };
  } else {
    const latest = editableRung(versions, edit.rungId);
    if (effectiveFrom.getTime() < latest.effectiveFrom.getTime())
      throw refuse('effectiveFrom', 'BEFORE_LATEST_VERSION', "effectiveFrom must not be before the rung's latest version takes effect");
    const definition = edit.kind === 'CHANGE' ? edit.definition : latest;
    next = {
      friends: definition.friends,
      reward: definition.reward,
      couponTemplate: definition.couponTemplate,
      points: definition.points,
      tierId: definition.tierId,
      inviteeToo: definition.inviteeToo,
      revision,
      rungId: edit.rungId,
      retired: edit.kind === 'RETIRE',
      effectiveFrom,
    };
  }
  const after = [...versions, next];
  const moments = [
    effectiveFrom,
    ...versions.filter((v) => v.effectiveFrom.getTime() > effectiveFrom.getTime()).map((v) => v.effectiveFrom),
  ];
  for (const at of moments) {
    const seen = new Map<number, number>();
    for (const rung of ladderAt(after, at)) {
      const other = seen.get(rung.friends);
      if (other !== undefined)
        throw refuse(
          'friends',
          'DUPLICATE_THRESHOLD',
          `rungs ${other} and ${rung.rungId} would both pay at ${rung.friends} friends from ${at.toISOString()}`,
        );
      seen.set(rung.friends, rung.rungId);
    }
  }
  return next;
}
