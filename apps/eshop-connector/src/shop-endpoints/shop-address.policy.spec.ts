import ipaddr from 'ipaddr.js';
import { addressRefusal, parseAddress } from './shop-address.policy';

const judge = (text: string, production: boolean) => addressRefusal(parseAddress(text)!, { production });

describe('addressRefusal', () => {
  it.each([
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses %s everywhere as %s', (address, refusal) => {
    expect(judge(address, true)).toBe(refusal);
    expect(judge(address, false)).toBe(refusal);
  });

  it.each(['127.0.0.1', '127.255.0.1', '::1'])('refuses loopback %s in prod only', (address) => {
    expect(judge(address, true)).toBe('loopback');
    expect(judge(address, false)).toBeUndefined();
  });

  it.each(['93.184.216.34', '10.1.2.3', '192.168.1.10', 'fd00::1', '2606:2800:220:1::1'])('allows %s', (address) => {
    expect(judge(address, true)).toBeUndefined();
  });
});

describe('parseAddress', () => {
  it('takes the IPv4 address embedded in an IPv4-mapped, NAT64 or 6to4 IPv6 address', () => {
    expect(parseAddress('::ffff:169.254.169.254')).toEqual(ipaddr.parse('169.254.169.254'));
    expect(parseAddress('64:ff9b::a9fe:a9fe')).toEqual(ipaddr.parse('169.254.169.254'));
    expect(parseAddress('2002:a9fe:a9fe::1')).toEqual(ipaddr.parse('169.254.169.254'));
    expect(addressRefusal(parseAddress('2002:a9fe:a9fe::1')!, { production: false })).toBe('link-local');
    expect(addressRefusal(parseAddress('2002:7f00:1::')!, { production: true })).toBe('loopback');
  });

  it.each(['shop.example.com', '2852039166', '0xa9.0xfe.0xa9.0xfe', '169.254.169', ''])('is no address for %j (not canonical text)', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });
});
