import { assertVoucherEnvironment, voucherDeadLetterTopic, voucherTopic } from './voucher-topic';

describe('voucher topic naming', () => {
  it.each([
    ['prod', 'prod.voucher'],
    ['test', 'test.voucher'],
    ['dev', 'dev.voucher'],
    ['test-e2e42', 'test-e2e42.voucher'],
  ])('names the %s topic %s', (environment, topic) => {
    expect(voucherTopic(environment)).toBe(topic);
  });

  it('puts dead letters next to the topic', () => {
    expect(voucherDeadLetterTopic('prod')).toBe('prod.voucher.dead-letter');
  });

  it.each(['', 'PROD', 'production', 'prod.voucher', 'test_e2e', 'dev-', '../etc'])(
    'rejects the environment %p',
    (environment) => {
      expect(() => assertVoucherEnvironment(environment)).toThrow(/not a voucher environment/);
    },
  );
});
