import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DatabaseUnavailableError, databaseUnavailableReason } from '@voucher-bridge/database';
import { ProblemException } from '@voucher-bridge/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_KEYS_MODULE_OPTIONS } from '../api-keys.module-definition';
import type { ApiKeysModuleOptions } from '../api-keys.module-options';
import type { ApiKeyKind } from '../secret/api-key-secret';
import type { ApiKey } from '../store/api-key';
import { ApiKeyStore } from '../store/api-key.store';
import { ApiKeyCache } from './api-key.cache';

const REQUIRED_KIND = Symbol('required-api-key-kind');

export interface RequireApiKeyOptions {
  /**
   * `forbidden`: a valid key of another kind gets 403 (the caller is known, just not allowed —
   * the operators' API); by default it gets 401 like an unknown key.
   */
  otherKind?: 'unauthorized' | 'forbidden';
}

interface Requirement {
  kind: ApiKeyKind;
  otherKind: 'unauthorized' | 'forbidden';
}

/** Marks a controller or route as needing `Authorization: Bearer <key>` of this kind. */
export const RequireApiKey = (kind: ApiKeyKind, options: RequireApiKeyOptions = {}) =>
  SetMetadata(REQUIRED_KIND, { kind, otherKind: options.otherKind ?? 'unauthorized' } satisfies Requirement);

export type AuthenticatedRequest = FastifyRequest & { apiKey?: ApiKey };

/**
 * Answers 401 (problem+json, `WWW-Authenticate: Bearer`) to a request without an active key of
 * the route's kind, and puts the key on the request for the handler (see `CurrentApiKey`).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache: ApiKeyCache;

  constructor(
    private readonly reflector: Reflector,
    private readonly store: ApiKeyStore,
    @Inject(API_KEYS_MODULE_OPTIONS) options: ApiKeysModuleOptions,
  ) {
    this.cache = new ApiKeyCache(options.cacheTtlMs ?? 5_000);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<Requirement | undefined>(REQUIRED_KIND, [context.getHandler(), context.getClass()]);
    if (!requirement) return true;
    const { kind } = requirement;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const secret = bearerToken(request.headers.authorization);
    const key = secret ? await this.cache.get(secret, (s) => this.findActive(s)) : undefined;
    if (key && key.kind !== kind && requirement.otherKind === 'forbidden') {
      throw ProblemException.of(403, 'forbidden', 'Forbidden', `This route needs a ${kind} key, not a ${key.kind} key.`);
    }
    if (!key || key.kind !== kind) {
      http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer');
      throw ProblemException.of(401, 'unauthorized', 'Unauthorized', secret
        ? `The API key is unknown, revoked or not a ${kind} key.`
        : `Send a ${kind} API key as "Authorization: Bearer <key>".`);
    }
    request.apiKey = key;
    return true;
  }

  /**
   * Guards run before interceptors, so the app-wide mapping of "database away" to 503 does not
   * reach this lookup: without this, a key lookup during an outage (cache expired) was a 500.
   */
  private async findActive(secret: string): Promise<ApiKey | undefined> {
    try {
      return await this.store.findActive(secret);
    } catch (error) {
      const reason = databaseUnavailableReason(error);
      throw reason ? new DatabaseUnavailableError(reason) : error;
    }
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(header ?? '');
  return match?.[1];
}
