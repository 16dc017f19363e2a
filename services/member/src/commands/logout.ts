import type { Sessions } from '../auth/sessions';

/** Ends the refresh token's session family; false for a token nobody knows. */
export function logout(sessions: Sessions, input: { refreshToken: string }): Promise<boolean> {
  return sessions.revoke(input.refreshToken);
}
