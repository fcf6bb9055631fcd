import { ADDRESS_REFUSAL_WORDS, AddressRefusal, addressRefusal, parseAddress } from '../shop-endpoints/shop-address.policy';

/** Whether the connector runs in production: there, shops must be reached over TLS on real hosts. */
export interface SubscriptionUrlContext {
  production: boolean;
}

/** Host names of cloud metadata services (GCE answers to both), compared without a trailing dot. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata']);

/**
 * Why the connector must not push to this URL, or undefined when it may. Pure: the host is judged
 * as written. Host names are not resolved here — a name can point anywhere and change after
 * registration, so the delivery engine checks the resolved address when it connects (with the same
 * `addressRefusal`); this check refuses what is wrong on its face and gives the shop a clear 400 at once.
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
  // WHATWG URL parsing already turned IPv4 shorthands (`http://2852039166/`, `0x7f.1`) into dotted
  // quads and keeps IPv6 in brackets.
  const address = parseAddress(host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);
  if (address) return urlAddressRefusal(addressRefusal(address, { production }));
  if (METADATA_HOSTS.has(host)) return 'url must not point at a cloud metadata service';
  if (production && (host === 'localhost' || host.endsWith('.localhost'))) return 'url must not point at this machine (localhost) in prod';
  return undefined;
}

function urlAddressRefusal(refusal: AddressRefusal | undefined): string | undefined {
  if (refusal === undefined) return undefined;
  if (refusal === 'metadata') return 'url must not point at a cloud metadata service';
  if (refusal === 'loopback') return 'url must not point at this machine (loopback) in prod';
  return `url must not point at a ${ADDRESS_REFUSAL_WORDS[refusal]} address`;
}
