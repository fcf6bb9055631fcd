import ipaddr from 'ipaddr.js';

/** Whether the connector runs in production: there, shops must be reached over TLS on real hosts. */
export interface SubscriptionUrlContext {
  production: boolean;
}

/** Host names of cloud metadata services (GCE answers to both), compared without a trailing dot. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata']);
/** AWS's IPv6 instance metadata address: a unique-local address, so its range alone does not tell. */
const AWS_METADATA_IPV6 = ipaddr.parse('fd00:ec2::254');
/** Never a shop: link-local (incl. 169.254.169.254), "this host", multicast and broadcast targets. */
const ALWAYS_REFUSED_RANGES = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast']);

/**
 * Why the connector must not push to this URL, or undefined when it may. Pure: the host is judged
 * as written. Host names are not resolved here — a name can point anywhere and change after
 * registration, so the delivery engine checks the resolved address when it connects; this check
 * refuses what is wrong on its face and gives the shop a clear 400 at once.
 */
export function subscriptionUrlRefusal(raw: string, { production }: SubscriptionUrlContext): string | undefined {
  // The URL parser would quietly drop these (` https://a`, `https://exa<TAB>mple.com`): refuse, so
  // the URL stored is the URL judged, whichever parser reads it later.
  if (/[\s\x00-\x1f\x7f]/.test(raw)) return 'url must not contain whitespace or control characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url must use https (or http outside prod)';
  if (production && url.protocol !== 'https:') return 'url must use https in prod';
  if (url.username !== '' || url.password !== '') return 'url must not contain credentials (user:password@)';
  // An empty fragment ("…#") parses to an empty hash: look at the text too.
  if (url.hash !== '' || raw.includes('#')) return 'url must not contain a fragment (#…)';

  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const address = ipLiteral(host);
  if (address) return addressRefusal(address, production);
  if (METADATA_HOSTS.has(host)) return 'url must not point at a cloud metadata service';
  if (production && (host === 'localhost' || host.endsWith('.localhost'))) return 'url must not point at this machine (localhost) in prod';
  return undefined;
}

function addressRefusal(address: ipaddr.IPv4 | ipaddr.IPv6, production: boolean): string | undefined {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).toNormalizedString() === AWS_METADATA_IPV6.toNormalizedString()) {
    return 'url must not point at a cloud metadata service';
  }
  const range = address.range();
  if (ALWAYS_REFUSED_RANGES.has(range)) return `url must not point at a ${describe(range)} address`;
  if (production && range === 'loopback') return 'url must not point at this machine (loopback) in prod';
  return undefined;
}

/**
 * The IP address a URL's host names, or undefined for a host name. WHATWG URL parsing already
 * turned IPv4 shorthands (`http://2852039166/`, `0x7f.1`) into dotted quads and keeps IPv6 in
 * brackets; an IPv6 address that embeds an IPv4 one (`::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`) is
 * judged as that IPv4 address.
 */
function ipLiteral(host: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const text = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(text) || (!text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text))) return undefined;
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv6') {
    const ipv6 = address as ipaddr.IPv6;
    if (ipv6.isIPv4MappedAddress()) return ipv6.toIPv4Address();
    if (ipv6.range() === 'rfc6052') return ipaddr.fromByteArray(ipv6.toByteArray().slice(12));
  }
  return address;
}

function describe(range: string): string {
  return { linkLocal: 'link-local (or metadata)', unspecified: 'unspecified (0.0.0.0 or ::)', multicast: 'multicast', broadcast: 'broadcast' }[range] ?? range;
}
