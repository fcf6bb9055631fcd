import { subscriptionUrlRefusal } from './subscription-url.policy';

const prod = { production: true };
const dev = { production: false };

describe('subscriptionUrlRefusal', () => {
  it.each([
    'https://shop.example.com/voucher-events',
    'https://shop.example.com:8443/hooks?tenant=1',
    'https://203.0.113.10/hooks',
    'https://[2001:db8::10]/hooks',
  ])('accepts the public https URL %s everywhere', (url) => {
    expect(subscriptionUrlRefusal(url, prod)).toBeUndefined();
    expect(subscriptionUrlRefusal(url, dev)).toBeUndefined();
  });

  it.each([
    'http://127.0.0.1:8099/voucher-events',
    'http://localhost:8099/voucher-events',
    'http://[::1]:8099/voucher-events',
    'http://shop.example.com/voucher-events',
    'https://receiver.localhost/hooks',
  ])('accepts plain http and loopback %s outside prod only', (url) => {
    expect(subscriptionUrlRefusal(url, dev)).toBeUndefined();
    expect(subscriptionUrlRefusal(url, prod)).toMatch(/https in prod|this machine/);
  });

  it.each([
    ['https://127.0.0.2/hooks', /loopback/],
    ['https://localhost./hooks', /localhost/],
    ['https://LOCALHOST/hooks', /localhost/],
    ['https://[::1]/hooks', /loopback/],
    ['https://[::ffff:127.0.0.1]/hooks', /loopback/],
    ['https://2130706433/hooks', /loopback/],
  ])('refuses the loopback target %s in prod', (url, reason) => {
    expect(subscriptionUrlRefusal(url, prod)).toMatch(reason);
    expect(subscriptionUrlRefusal(url, dev)).toBeUndefined();
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['https://169.254.10.20/hooks', /link-local/],
    ['http://2852039166/', /link-local/],
    ['http://0xa9.0xfe.0xa9.0xfe/', /link-local/],
    ['http://[::ffff:169.254.169.254]/', /link-local/],
    ['http://[64:ff9b::a9fe:a9fe]/', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[febf::1]/', /link-local/],
    ['http://[fd00:ec2::254]/', /metadata/],
    ['http://metadata.google.internal/computeMetadata/v1/', /metadata/],
    ['http://Metadata.Google.Internal./', /metadata/],
    ['http://0.0.0.0:8099/', /unspecified/],
    ['http://0/', /unspecified/],
    ['http://[::]/', /unspecified/],
    ['http://224.0.0.1/', /multicast/],
    ['http://[ff02::1]/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
  ])('always refuses %s', (url, reason) => {
    expect(subscriptionUrlRefusal(url, dev)).toMatch(reason);
    expect(subscriptionUrlRefusal(url.replace(/^http:/, 'https:'), prod)).toMatch(reason);
  });

  it.each([
    ['ftp://shop.example.com/hooks', /https/],
    ['file:///etc/passwd', /https/],
    ['javascript:alert(1)', /https/],
    ['shop.example.com/hooks', /absolute/],
    ['', /absolute/],
    ['https://user:secret@shop.example.com/hooks', /credentials/],
    ['https://user@shop.example.com/hooks', /credentials/],
    ['https://shop.example.com/hooks#part', /fragment/],
    ['https://shop.example.com/hooks#', /fragment/],
    [' https://shop.example.com/hooks', /whitespace/],
    ['https://shop.example.com/hooks\n', /whitespace/],
    ['https://169.254.\t169.254/', /whitespace/],
  ])('refuses %s everywhere', (url, reason) => {
    expect(subscriptionUrlRefusal(url, dev)).toMatch(reason);
    expect(subscriptionUrlRefusal(url, prod)).toMatch(reason);
  });
});
