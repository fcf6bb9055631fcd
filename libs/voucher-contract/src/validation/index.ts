export type { Violation } from './violation';
export { validatePlain } from './validate-plain';
export type { ValidationResult } from './validate-plain';
export { exceedsJsonDepth } from './json-depth';
