import { ADDRESS_REFUSAL_WORDS, addressRefusal, parseAddress } from '../../shop-endpoints/shop-address.policy';

/**
 * Which resolved addresses a push may connect to: the registration's judgement
 * (`shop-endpoints/shop-address.policy.ts`) on what the host name resolves to now, so a name that
 * resolves differently later (DNS rebinding) is caught too.
 */
export class AddressPolicy {
  constructor(private readonly production: boolean) {}

  /** Why `address` is refused, or undefined when it may be used. */
  refusal(address: string): string | undefined {
    const ip = parseAddress(address);
    if (!ip) return `not an IP address: ${address}`;
    const refusal = addressRefusal(ip, { production: this.production });
    if (!refusal) return undefined;
    return `${ADDRESS_REFUSAL_WORDS[refusal]} address ${ip.toString()} refused${refusal === 'loopback' ? ' in prod' : ''}`;
  }
}
