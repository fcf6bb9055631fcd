export interface ApiKeysModuleOptions {
  /** How long an answer of the key store is reused; a revocation takes this long to apply. */
  cacheTtlMs?: number;
}
