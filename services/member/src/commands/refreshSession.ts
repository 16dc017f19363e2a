import type { Session, Sessions } from '../auth/sessions';

/** Trades a refresh token for a new session of its family; a reused token revokes the family (Sessions.refresh). */
export function refreshSession(sessions: Sessions, input: { refreshToken: string }): Promise<Session> {
  return sessions.refresh(input.refreshToken);
}
