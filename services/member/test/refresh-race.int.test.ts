import { DomainError, readPiiCipher } from '../../kit/src';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { Sessions } from '../src/auth/sessions';
import { SigningKeys } from '../src/auth/signingKeys';
import { memberSchema } from '../src/db/data-source';

/**
 * Simultaneous uses of one refresh token, on the database the suite runs on (SQLite by default,
 * MySQL with DATABASE_URL): every use after the first is a reuse, so the whole family is revoked,
 * including whatever the winner was given.
 */
let sessions: Sessions;
let stop: () => Promise<void>;
beforeAll(async () => {
  const { dataSource, close } = await openServiceTestDatabase(memberSchema);
  stop = close;
  sessions = new Sessions(dataSource, new SigningKeys(dataSource, readPiiCipher({})), { accessSeconds: 900, refreshSeconds: 3600 });
});
afterAll(() => stop?.());

const refused = (error: unknown) => error instanceof DomainError && error.code === 'UNAUTHENTICATED';

describe.each([2, 10])('%i simultaneous uses of one refresh token', (uses) => {
  it('leave no token of the family working, ten rounds in a row', async () => {
    for (let round = 0; round < 10; round += 1) {
      const first = await sessions.open({ kind: 'MEMBER', subject: `member-${uses}-${round}`, channel: 'WEB' });
      const outcomes = await Promise.allSettled(Array.from({ length: uses }, () => sessions.refresh(first.refreshToken)));
      const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.refreshToken] : []));
      expect(won).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(refused(o.reason)).toBe(true);
      for (const token of [first.refreshToken, ...won]) {
        await expect(sessions.refresh(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    }
  });
});

it('a single use still rotates: the new token works, the old one is then a reuse', async () => {
  const first = await sessions.open({ kind: 'MEMBER', subject: 'member-single', channel: 'WEB' });
  const second = await sessions.refresh(first.refreshToken);
  const third = await sessions.refresh(second.refreshToken);
  expect(third.refreshToken).not.toBe(second.refreshToken);
  await expect(sessions.refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(sessions.refresh(third.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
});
