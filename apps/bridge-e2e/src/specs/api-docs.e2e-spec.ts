import { postJson } from '../support/http';
import { useBridge } from '../support/use-bridge';

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

const PROBLEM = 'application/problem+json';

describe('API documentation: Swagger UI at /docs, OpenAPI 3.1 at /docs/openapi.json, no key needed', () => {
  const context = useBridge();

  const CASHBOX_ERRORS = ['400', '401', '403', '409', '413', '422', '429', '503'];
  const DOCUMENTED = {
    gateway: ['/v1/voucher-purchases', '/v1/voucher-redemptions', '/v1/voucher-cancellations', '/v1/voucher-events/{eventId}'],
    connector: ['/v1/voucher-lookups', '/v1/subscriptions', '/v1/subscriptions/{id}', '/v1/subscriptions/{id}/secret-rotations',
      '/v1/dead-letters', '/v1/dead-letters/{id}', '/v1/dead-letters/replays', '/v1/dead-letters/discards', '/v1/operator-audit',
      '/v1/operations/overview', '/v1/operations/voucher-traces'],
  };

  it.each([
    { app: 'gateway', path: '/v1/voucher-purchases', success: '202', errors: CASHBOX_ERRORS, bearer: true,
      required: ['amount', 'cashboxId', 'purchasedAt', 'receiptNumber', 'storeId', 'voucherCode'] },
    { app: 'gateway', path: '/v1/voucher-redemptions', success: '202', errors: CASHBOX_ERRORS, bearer: true,
      required: ['amount', 'cashboxId', 'receiptNumber', 'redeemedAt', 'storeId', 'voucherCode'] },
    { app: 'gateway', path: '/v1/voucher-cancellations', success: '202', errors: CASHBOX_ERRORS, bearer: true,
      required: ['cancelledAt', 'cashboxId', 'reason', 'receiptNumber', 'storeId', 'voucherCode'] },
    { app: 'connector', path: '/v1/voucher-lookups', success: '200', errors: ['400', '401', '404', '413', '429', '503'], bearer: true, required: ['voucherCode'] },
    { app: 'connector', path: '/v1/subscriptions', success: '201', errors: ['400', '401', '413', '429', '503'], bearer: true, required: ['eventTypes', 'url'] },
  ] as const)('$app documents $path', async ({ app, path, success, errors, bearer, required }) => {
    const baseUrl = context.bridge[app].baseUrl;

    // The body parser's content type on a GET must not matter, nor a missing key.
    const page = await get(`${baseUrl}/docs`, { 'content-type': 'application/json' });
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui');
    // Assets from swagger-ui-dist on our own server, not from a CDN.
    expect(page.text).not.toMatch(/(src|href)="https?:\/\//);
    const asset = await get(`${baseUrl}/docs/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect(asset.contentType).toMatch(/javascript/);

    const json = await get(`${baseUrl}/docs/openapi.json`);
    expect(json.status).toBe(200);
    expect(json.contentType).toMatch(/^application\/json/);
    const document = JSON.parse(json.text);
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(document.paths).sort()).toEqual([...DOCUMENTED[app]].sort());
    const operation = document.paths[path].post;
    expect(Object.keys(operation.responses).sort()).toEqual([success, ...errors].sort());
    for (const status of errors) {
      const content = operation.responses[status].content;
      expect({ status, types: Object.keys(content) }).toEqual({ status, types: [PROBLEM] });
      expect(content[PROBLEM].schema.$ref).toBe('#/components/schemas/ProblemDetails');
      expect(content[PROBLEM].example.status).toBe(Number(status));
    }
    expect(document.components.schemas.ProblemDetails.required).toEqual(['type', 'title', 'status']);
    const body = operation.requestBody.content['application/json'];
    expect(Object.values(body.examples).length).toBeGreaterThan(0);
    const bodySchema = document.components.schemas[body.schema.$ref.split('/').pop()];
    expect([...bodySchema.required].sort()).toEqual(required);

    if (bearer) {
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(operation.security).toEqual([{ bearer: [] }]);
      if (app === 'gateway') {
        expect(operation.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]));
      }
      expect(operation.responses['429'].headers['Retry-After']).toBeDefined();
    } else {
      expect(operation.security).toBeUndefined();
    }
    expect(operation.responses['503'].headers['Retry-After']).toBeDefined();

    // The examples are what the app really answers: a body over the limit, for one.
    const tooLarge = await postJson(baseUrl + path, { voucherCode: 'X'.repeat(20_000) });
    const { type, title, status } = operation.responses['413'].content[PROBLEM].example;
    expect(tooLarge.body).toMatchObject({ type, title, status });
  });

  it('gateway documents GET /v1/voucher-events/{eventId}', async () => {
    const document = JSON.parse((await get(`${context.bridge.gateway.baseUrl}/docs/openapi.json`)).text);
    const operation = document.paths['/v1/voucher-events/{eventId}'].get;
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '404', '429', '503']);
    expect(operation.security).toEqual([{ bearer: [] }]);
  });

  it.each([
    { path: '/v1/subscriptions', method: 'get', responses: ['200', '401', '429', '503'] },
    { path: '/v1/subscriptions/{id}', method: 'get', responses: ['200', '400', '401', '404', '429', '503'] },
    { path: '/v1/subscriptions/{id}', method: 'delete', responses: ['204', '400', '401', '404', '429', '503'] },
    { path: '/v1/subscriptions/{id}/secret-rotations', method: 'post', responses: ['201', '400', '401', '404', '429', '503'] },
  ] as const)('connector documents $method $path', async ({ path, method, responses }) => {
    const document = JSON.parse((await get(`${context.bridge.connector.baseUrl}/docs/openapi.json`)).text);
    const operation = document.paths[path][method];
    expect(Object.keys(operation.responses).sort()).toEqual([...responses].sort());
    expect(operation.security).toEqual([{ bearer: [] }]);
    for (const status of responses.filter((code) => code >= '400')) {
      expect(operation.responses[status].content[PROBLEM].example.status).toBe(Number(status));
    }
    // Examples for every answer with a body; only the POST answers carry a secret.
    const success = operation.responses[responses[0]];
    expect(success.content?.['application/json']?.example).toEqual(responses[0] === '204' ? undefined : expect.anything());
    expect(JSON.stringify(success).includes('whsec_')).toBe(method === 'post');
  });

  it.each([
    { path: '/v1/operations/overview', method: 'get', responses: ['200', '401', '403', '503'] },
    { path: '/v1/operations/voucher-traces', method: 'post', responses: ['200', '400', '401', '403', '404', '413', '503'] },
  ] as const)('connector documents the console\'s $method $path for operators', async ({ path, method, responses }) => {
    const document = JSON.parse((await get(`${context.bridge.connector.baseUrl}/docs/openapi.json`)).text);
    const operation = document.paths[path][method];
    expect(Object.keys(operation.responses).sort()).toEqual([...responses].sort());
    expect(operation.security).toEqual([{ bearer: [] }]);
    expect(operation.tags).toEqual(['operators']);
    for (const status of responses.filter((code) => code >= '400')) {
      expect(operation.responses[status].content[PROBLEM].example.status).toBe(Number(status));
    }
  });
});
