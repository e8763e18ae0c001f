/** The store keys of the embedded remiss register (REMISS_SOURCE=local). */
import { keptKeys, type KeySpace } from '../storage/keyspace.js';

export const REMISS_PREFIX = 'remisser/';
export const REGISTER_CHANGE_MARKER = 'register/changed';

export const REGISTER_KEYS: KeySpace[] = keptKeys('register', {
  [REMISS_PREFIX]: 'the remisser, one record each',
  [REGISTER_CHANGE_MARKER]: 'when the register last changed, so lists can be cached',
});
