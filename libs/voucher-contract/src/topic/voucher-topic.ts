/**
 * Topics are named `<environment>.<event>`. An environment is prod, staging, dev or test,
 * optionally with a suffix (`test-e2e`) so test runs can keep to their own topics.
 */
export const VOUCHER_ENVIRONMENT_PATTERN = /^(prod|staging|dev|test)(-[a-z0-9]{1,32})?$/;

export function assertVoucherEnvironment(environment: string): string {
  if (!VOUCHER_ENVIRONMENT_PATTERN.test(environment)) {
    throw new Error(
      `"${environment}" is not a voucher environment: expected prod, staging, dev or test, optionally with a -suffix`,
    );
  }
  return environment;
}

export function voucherTopic(environment: string): string {
  return `${assertVoucherEnvironment(environment)}.voucher`;
}

/** Where events that can never be processed go, with the reason in their headers. */
export function voucherDeadLetterTopic(environment: string): string {
  return `${voucherTopic(environment)}.dead-letter`;
}

/**
 * The gateway relay's own position (compacted, one partition): written in the same Kafka
 * transaction as the events it names, so a new relay knows what Kafka has already committed.
 */
export function voucherRelayPositionTopic(environment: string): string {
  return `${voucherTopic(environment)}.relay-position`;
}

/** The relay's transactional.id: one per environment, so a new relay fences the one before. */
export function voucherRelayTransactionalId(environment: string): string {
  return `${assertVoucherEnvironment(environment)}.cashbox-gateway.outbox-relay`;
}

/**
 * The connector's consumer group on the voucher topic (unless CONNECTOR_GROUP_ID says otherwise):
 * the relay waits for it to read a topic's partitions to their end before using partitions added
 * to it.
 */
export function voucherConnectorGroupId(environment: string): string {
  return `${assertVoucherEnvironment(environment)}.eshop-connector`;
}
