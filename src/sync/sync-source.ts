/**
 * Injection token of the string naming what the data is synced from (the
 * upstream's base URL, or the demo dataset). A run records it; data from
 * another source is never merged into, only replaced by a full sync.
 */
export const SYNC_SOURCE = Symbol('SYNC_SOURCE');
