export { SeededRandom } from './seeded-random';
export * from './fuzz-values';
