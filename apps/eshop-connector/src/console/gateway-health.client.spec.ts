import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectorEnvironment } from '../config/connector.environment';
import { GatewayHealthClient } from './gateway-health.client';

describe('GatewayHealthClient', () => {
  const client = (url?: string) => new GatewayHealthClient({ GATEWAY_URL: url } as ConnectorEnvironment);

  it('says unknown without GATEWAY_URL and down when nothing answers', async () => {
    expect(await client().health()).toMatchObject({ status: 'unknown', message: 'GATEWAY_URL is not set' });
    expect(await client('http://127.0.0.1:1').health()).toMatchObject({ status: 'down' });
  });

  it('takes the gateway\'s own readiness answer: up with its details, or down with the status code', async () => {
    let ready = true;
    const server = createServer((request, response) => {
      expect(request.url).toBe('/health/ready');
      response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ready ? 'ok' : 'error', details: { outbox: { status: ready ? 'up' : 'down' } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await client(url).health()).toEqual({ name: 'cashbox-gateway', status: 'up', message: null, details: { outbox: { status: 'up' } } });
      ready = false;
      expect(await client(url).health()).toEqual({ name: 'cashbox-gateway', status: 'down', message: 'readiness answered 503', details: { outbox: { status: 'down' } } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
