import { subscriptionUrlRefusal } from '../../subscriptions/subscription-url.policy';
import { AddressPolicy } from './address-policy';

describe('AddressPolicy', () => {
  const prod = new AddressPolicy(true);
  const dev = new AddressPolicy(false);

  it.each([
    '169.254.169.254', '169.254.0.1', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe',
    '0.0.0.0', '::', '224.0.0.1', 'ff02::1', '255.255.255.255',
  ])('always refuses %s', (address) => {
    expect(prod.refusal(address)).toMatch(/refused/);
    expect(dev.refusal(address)).toMatch(/refused/);
  });

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.0.0.2'])('refuses loopback %s in prod only', (address) => {
    expect(prod.refusal(address)).toMatch(/loopback address .* refused in prod/);
    expect(dev.refusal(address)).toBeUndefined();
  });

  it.each(['93.184.216.34', '2606:2800:220:1::1', '10.1.2.3', 'fd00::1'])('allows %s', (address) => {
    expect(prod.refusal(address)).toBeUndefined();
  });

  it('names the kind and the address (the delivery\'s last error)', () => {
    expect(prod.refusal('::ffff:169.254.169.254')).toBe('link-local (or metadata) address 169.254.169.254 refused');
    expect(prod.refusal('fd00:ec2::254')).toBe('cloud metadata address fd00:ec2::254 refused');
    expect(prod.refusal('shop.example.com')).toBe('not an IP address: shop.example.com');
  });

  // The point of one classifier: a name resolving to an address must not get a push through where
  // registering that address as the URL's host would have been refused.
  it.each([
    '169.254.169.254', '169.254.10.20', 'fe80::1', 'febf::1', 'fd00:ec2::254', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe',
    '0.0.0.0', '::', '224.0.0.1', 'ff02::1', '255.255.255.255', '127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1',
    '93.184.216.34', '10.1.2.3', 'fd00::1', '2606:2800:220:1::1',
  ])('refuses %s at connect time whenever registration refuses it, in prod and elsewhere', (address) => {
    const host = address.includes(':') ? `[${address}]` : address;
    for (const [policy, production] of [[prod, true], [dev, false]] as const) {
      const registration = subscriptionUrlRefusal(`https://${host}/hooks`, { production });
      expect({ address, production, connect: policy.refusal(address) !== undefined }).toEqual({ address, production, connect: registration !== undefined });
    }
  });
});
