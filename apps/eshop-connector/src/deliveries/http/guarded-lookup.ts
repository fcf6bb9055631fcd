import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { AddressPolicy } from './address-policy';

/** A resolved address the policy refuses: parked, not retried (the URL itself is at fault). */
export class AddressRefusedError extends Error {
  readonly code = 'ADDRESS_REFUSED';
}

/**
 * `lookup` for net.connect: resolves as usual, then fails the connection if any address is one
 * the policy refuses — at connect time, so what is checked is what is connected to.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map(({ address }) => policy.refusal(address)).find((reason) => reason !== undefined);
      if (refused) return callback(new AddressRefusedError(`${hostname}: ${refused}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
