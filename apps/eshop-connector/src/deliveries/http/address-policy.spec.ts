import { AddressPolicy, isProductionEnvironment } from './address-policy';

describe('AddressPolicy', () => {
  const prod = new AddressPolicy(false);
  const dev = new AddressPolicy(true);

  it.each(['169.254.169.254', '169.254.0.1', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254'])('always refuses %s', (address) => {
    expect(prod.refusal(address)).toMatch(/refused/);
    expect(dev.refusal(address)).toMatch(/refused/);
  });

  it.each(['127.0.0.1', '::1', '0.0.0.0', '::ffff:127.0.0.1'])('refuses loopback %s in prod only', (address) => {
    expect(prod.refusal(address)).toMatch(/loopback/);
    expect(dev.refusal(address)).toBeUndefined();
  });

  it.each(['93.184.216.34', '2606:2800:220:1::1', '10.1.2.3', 'fd00::1'])('allows %s', (address) => {
    expect(prod.refusal(address)).toBeUndefined();
  });

  it('knows prod by its name', () => {
    expect(isProductionEnvironment('prod')).toBe(true);
    expect(isProductionEnvironment('prod-eu')).toBe(true);
    expect(isProductionEnvironment('production-test')).toBe(false);
    expect(isProductionEnvironment('test-1')).toBe(false);
  });
});
