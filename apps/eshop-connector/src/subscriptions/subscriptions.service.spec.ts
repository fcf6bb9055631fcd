import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { VoucherEnvironment } from '@voucher-bridge/config';
import { ProblemException } from '@voucher-bridge/http';
import { SecretCipher, cipherKey } from '@voucher-bridge/secret-cipher';
import { ConnectorEnvironment } from '../config/connector.environment';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

const cipher = new SubscriptionSecretCipher(new SecretCipher(cipherKey(randomBytes(32).toString('base64'))));

function service(voucherEnv: string, repository: Partial<SubscriptionsRepository> = {}) {
  const connector = Object.assign(new ConnectorEnvironment(), { WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS: 3_600 });
  return new SubscriptionsService(repository as SubscriptionsRepository, connector, { VOUCHER_ENV: voucherEnv } as VoucherEnvironment, cipher);
}

const now = new Date('2026-11-25T12:00:00.000Z');

describe('SubscriptionsService', () => {
  beforeAll(() => Logger.overrideLogger(false));
  it.each(['prod', 'prod-eu'])('applies the prod URL rules in %s: 400 naming url, nothing written', async (environment) => {
    const create = jest.fn();
    const refused = service(environment, { create }).create({ url: 'http://127.0.0.1:8099/hooks', eventTypes: ['voucher.purchased'] }, 'key');
    await expect(refused).rejects.toBeInstanceOf(ProblemException);
    await expect(refused).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'url', messages: [expect.stringMatching(/https in prod/)] }] } });
    expect(create).not.toHaveBeenCalled();
  });

  it('allows a local receiver outside prod, stores the secret sealed for the new subscription and answers it in clear', async () => {
    const create = jest.fn(async (s) => ({ id: s.id, url: s.url, event_types: s.eventTypes, status: 'active', disabled_reason: null, created_at: s.createdAt }));
    const answer = await service('dev', { create }).create({ url: 'http://127.0.0.1:8099/hooks', eventTypes: ['voucher.purchased'] }, 'key-1', now);
    expect(answer).toEqual({ id: expect.any(String), url: 'http://127.0.0.1:8099/hooks', eventTypes: ['voucher.purchased'], secret: expect.stringMatching(/^whsec_/) });
    expect(create).toHaveBeenCalledWith({ id: answer.id, url: answer.url, eventTypes: answer.eventTypes, createdByKeyId: 'key-1', sealedSecret: expect.stringMatching(/^sc1:/), createdAt: now });
    const { sealedSecret } = create.mock.calls[0][0];
    expect(sealedSecret).not.toContain(answer.secret.slice(6));
    expect(cipher.open(answer.id, sealedSecret)).toBe(answer.secret);
  });

  it('rotates with the configured overlap and answers when the older secrets expire', async () => {
    const rotateSecret = jest.fn(async (_id: string, _secret: string, _now: Date, overlapEnd: Date) => overlapEnd);
    const answer = await service('dev', { rotateSecret }).rotateSecret('id-1', now);
    expect(answer).toEqual({ secret: expect.stringMatching(/^whsec_/), previousSecretsExpireAt: '2026-11-25T13:00:00.000Z' });
    expect(rotateSecret).toHaveBeenCalledWith('id-1', expect.stringMatching(/^sc1:/), now, new Date('2026-11-25T13:00:00.000Z'));
    expect(cipher.open('id-1', rotateSecret.mock.calls[0][1])).toBe(answer.secret);
  });

  it('answers 404 rotating or deleting an unknown subscription', async () => {
    const subject = service('dev', { rotateSecret: jest.fn(async () => undefined), softDelete: jest.fn(async () => undefined) });
    await expect(subject.rotateSecret('id-1')).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(subject.delete('id-1')).rejects.toMatchObject({ problem: { status: 404 } });
  });
});
