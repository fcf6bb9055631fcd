import { Injectable } from '@nestjs/common';
import { ConnectorEnvironment } from '../config/connector.environment';
import type { AppHealth } from './operations-overview.response.dto';

/**
 * The gateway's readiness as the gateway itself reports it (`/health/ready`): only the process
 * knows whether its producer and relay are connected. Short timeout: a hanging gateway must not
 * hang the console, and "down: timeout" is itself the answer.
 */
@Injectable()
export class GatewayHealthClient {
  constructor(private readonly env: ConnectorEnvironment) {}

  async health(timeoutMs = 2_000): Promise<AppHealth> {
    const base = this.env.GATEWAY_URL;
    if (!base) return { name: 'cashbox-gateway', status: 'unknown', message: 'GATEWAY_URL is not set', details: {} };
    try {
      const response = await fetch(new URL('/health/ready', base), { signal: AbortSignal.timeout(timeoutMs) });
      const body = (await response.json().catch(() => ({}))) as { details?: Record<string, unknown> };
      return {
        name: 'cashbox-gateway',
        status: response.ok ? 'up' : 'down',
        message: response.ok ? null : `readiness answered ${response.status}`,
        details: body.details ?? {},
      };
    } catch (error) {
      return { name: 'cashbox-gateway', status: 'down', message: (error as Error).message, details: {} };
    }
  }
}
