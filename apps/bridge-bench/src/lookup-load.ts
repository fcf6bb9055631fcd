import { LoadFigures, runJsonPostLoad } from './json-post-load';

/**
 * The web shop looking vouchers up as fast as the connector answers: each lookup with one of
 * `shopKeys` and the code of a registered voucher (`codeOf(n)`, n from 1 to `vouchers`, in the
 * body as the API wants it). A 404 counts as failed.
 */
export function runLookupLoad(connectorUrl: string, shopKeys: string[], vouchers: number, codeOf: (n: number) => string): Promise<LoadFigures> {
  return runJsonPostLoad(`${connectorUrl}/v1/voucher-lookups`, (n) => ({
    headers: { authorization: `Bearer ${shopKeys[n % shopKeys.length]}` },
    body: { voucherCode: codeOf(1 + (n * 7_919) % vouchers) },
  }));
}
