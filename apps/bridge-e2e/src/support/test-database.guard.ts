/**
 * Tests drop and rewrite data: they refuse to touch a database whose name does not say "test".
 */
export function assertTestDatabase(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/(^|_)test(_|$)/.test(name)) {
    throw new Error(`refusing to run tests against database "${name}": its name must contain "test" (e.g. voucher_bridge_test)`);
  }
  return url;
}
