import ipaddr from 'ipaddr.js';

/** The AWS IMDS IPv6 endpoint: a cloud's instance credentials live behind it. */
const METADATA_V6 = ipaddr.parse('fd00:ec2::254').toNormalizedString();

/**
 * Which addresses a push may connect to. A subscription URL is the shop's to choose, so without
 * this a name resolving to 169.254.169.254 would make the connector fetch cloud credentials for
 * whoever registered it (SSRF). Checked on the resolved address at connect time, so a name that
 * resolves differently later (DNS rebinding) is caught too. Loopback is allowed outside prod,
 * for a shop developer's local receiver.
 */
export class AddressPolicy {
  constructor(private readonly allowLoopback: boolean) {}

  /** Why `address` is refused, or undefined when it may be used. */
  refusal(address: string): string | undefined {
    if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
    const ip = ipaddr.process(address);
    const range = ip.range();
    if (range === 'linkLocal') return `link-local address ${ip.toString()} refused`;
    if (ip.kind() === 'ipv6' && ip.toNormalizedString() === METADATA_V6) return `metadata address ${ip.toString()} refused`;
    if (!this.allowLoopback && (range === 'loopback' || range === 'unspecified')) return `loopback address ${ip.toString()} refused in prod`;
    return undefined;
  }
}

export function isProductionEnvironment(environment: string): boolean {
  return environment === 'prod' || environment.startsWith('prod-');
}
