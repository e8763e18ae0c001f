/** The store keys of the embedded remiss register (REMISS_SOURCE=local). */
import type { KeySpace } from '../storage/keyspace.js';

export const REMISS_PREFIX = 'remisser/';
export const REGISTER_CHANGE_MARKER = 'register/changed';

export const REGISTER_KEYS: KeySpace[] = [
  { prefix: REMISS_PREFIX, owner: 'register', retention: 'kept', purpose: 'the remisser, one record each' },
  {
    prefix: REGISTER_CHANGE_MARKER,
    owner: 'register',
    retention: 'kept',
    purpose: 'when the register last changed, so lists can be cached',
  },
];
