import { isProductionEnvironment } from './voucher.environment';

describe('isProductionEnvironment', () => {
  it.each([['prod', true], ['prod-eu', true], ['production-test', false], ['test-1', false], ['staging', false], [undefined, false]])('%s → %s', (name, production) => {
    expect(isProductionEnvironment(name)).toBe(production);
  });
});
