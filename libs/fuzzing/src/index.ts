export { SeededRandom } from './seeded-random';
export * from './fuzz-values';
export { ODD_FIELD_VALUES, oneFieldVariants } from './one-field-variants';
export { TcpBlackhole } from './tcp-blackhole';
