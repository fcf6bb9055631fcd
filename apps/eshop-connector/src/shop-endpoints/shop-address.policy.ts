import ipaddr from 'ipaddr.js';

export type ShopAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** Why no push may go to an address. */
export type AddressRefusal = 'metadata' | 'link-local' | 'unspecified' | 'multicast' | 'broadcast' | 'loopback';

/** Wording for messages: "… a link-local (or metadata) address". */
export const ADDRESS_REFUSAL_WORDS: Record<AddressRefusal, string> = {
  metadata: 'cloud metadata',
  'link-local': 'link-local (or metadata)',
  unspecified: 'unspecified (0.0.0.0 or ::)',
  multicast: 'multicast',
  broadcast: 'broadcast',
  loopback: 'loopback',
};

/** AWS's IPv6 instance metadata address: a unique-local address, so its range alone does not tell. */
const AWS_METADATA_IPV6 = ipaddr.parse('fd00:ec2::254').toNormalizedString();
/** Never a shop: link-local (incl. 169.254.169.254), "this host", multicast and broadcast targets. */
const ALWAYS_REFUSED: Partial<Record<string, AddressRefusal>> = {
  linkLocal: 'link-local', unspecified: 'unspecified', multicast: 'multicast', broadcast: 'broadcast',
};

/**
 * The one judgement of where the connector may push, used when a subscription is registered (on
 * an IP literal in its URL) and when a push connects (on each address its host name resolved to):
 * so a connection never goes where a registration would have been refused. A subscription URL is
 * the shop's to choose; without this a name resolving to 169.254.169.254 would make the connector
 * fetch cloud credentials for whoever registered it (SSRF). Loopback is allowed outside prod, for
 * a shop developer's local receiver. Undefined when the address may be used.
 */
export function addressRefusal(address: ShopAddress, { production }: { production: boolean }): AddressRefusal | undefined {
  if (address.kind() === 'ipv6' && address.toNormalizedString() === AWS_METADATA_IPV6) return 'metadata';
  const range = address.range();
  const always = ALWAYS_REFUSED[range];
  if (always) return always;
  if (production && range === 'loopback') return 'loopback';
  return undefined;
}

/**
 * An IP address in its canonical text (a dotted quad or IPv6, as WHATWG URL parsing and DNS give
 * them), or undefined for anything else. An IPv6 address that embeds an IPv4 one (`::ffff:a.b.c.d`,
 * NAT64 `64:ff9b::/96`, 6to4 `2002:AABB:CCDD::/48`) is judged as that IPv4 address: through a
 * translator or relay it reaches that host.
 */
export function parseAddress(text: string): ShopAddress | undefined {
  if (!ipaddr.isValid(text) || (!text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text))) return undefined;
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv6') {
    const ipv6 = address as ipaddr.IPv6;
    if (ipv6.isIPv4MappedAddress()) return ipv6.toIPv4Address();
    if (ipv6.range() === 'rfc6052') return ipaddr.fromByteArray(ipv6.toByteArray().slice(12));
    if (ipv6.range() === '6to4') return ipaddr.fromByteArray(ipv6.toByteArray().slice(2, 6));
  }
  return address;
}
