import { IsInt, IsString, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata.cache';

class Base {
  @IsString()
  name!: unknown;
}

class Derived extends Base {
  @IsInt()
  count!: unknown;
}

const faults = (value: object) => validateSync(value, { forbidUnknownValues: true }).map((error) => error.property).sort();
const derived = (fields: object) => Object.assign(new Derived(), fields);

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('validates as before, inherited rules included, and the same again from the cache', () => {
    for (let round = 0; round < 2; round++) {
      expect(faults(derived({ name: 'a', count: 1 }))).toEqual([]);
      expect(faults(derived({ name: 1, count: 'x' }))).toEqual(['count', 'name']);
    }
  });

  it('sees a rule registered after the cache was filled', () => {
    expect(faults(derived({ name: 'a', count: 1, extra: 'x' }))).toEqual([]);
    IsInt()(Base.prototype, 'extra');
    expect(faults(derived({ name: 'a', count: 1, extra: 'x' }))).toEqual(['extra']);
  });

  it('installs once', () => {
    cacheValidationMetadata();
    expect(faults(derived({ name: 1, count: 1, extra: 1 }))).toEqual(['name']);
  });
});
