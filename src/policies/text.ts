// Every string the failure policies show. {n} is replaced by a number.

export const POLICY_TEXT = {
  sessionExpired: 'Your session has expired.',
  signIn: 'Sign in again',
  csrfFailed: 'The page is out of date. Reload it and try again.',
  reload: 'Reload',
  rateLimited: 'Too many requests. Try again in {n} seconds.',
  unavailable: 'Try again in {n} seconds.',
  tryAgainNow: 'You can try again now.',
  tryAgain: 'Try again',
  offline: 'You are offline. Changes will not be saved until the connection is back.',
  burst: '{n} requests failed: ',
};
