import 'reflect-metadata';
import { asDatabaseUnavailable } from '@voucher-bridge/database';
import { bootstrapHttpApp } from '@voucher-bridge/http';
import { CashboxGatewayModule } from './cashbox-gateway.module';
import { CancellationsModule } from './cancellations/cancellations.module';
import { EventStatusModule } from './event-status/event-status.module';
import { PurchasesModule } from './purchases/purchases.module';
import { RedemptionsModule } from './redemptions/redemptions.module';

void bootstrapHttpApp(CashboxGatewayModule, {
  name: 'cashbox-gateway',
  // A handler's database error that only means "away for now" is a 503 with Retry-After.
  errorTranslators: [asDatabaseUnavailable],
  portVariable: 'GATEWAY_HTTP_PORT',
  docs: {
    title: 'voucher-bridge cashbox-gateway',
    description:
      'Cashboxes report the vouchers they sell, redeem and cancel; the web shop accepts them moments later. Every request carries the ' +
      'cashbox\'s own key (`Authorization: Bearer vbk_cashbox_…`). Errors are `application/problem+json` (RFC 9457); ' +
      'send `X-Request-Id` to find a request in our logs (it is echoed back).',
    include: [PurchasesModule, RedemptionsModule, CancellationsModule, EventStatusModule],
    bearerDescription: 'The cashbox\'s API key (`vbk_cashbox_…`), issued once per store and cashbox by the operators.',
  },
});
