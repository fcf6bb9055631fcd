import 'reflect-metadata';
import { asDatabaseUnavailable } from '@voucher-bridge/database';
import { bootstrapHttpApp } from '@voucher-bridge/http';
import { EshopConnectorModule } from './eshop-connector.module';
import { ConsoleModule } from './console/console.module';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { LookupModule } from './lookup/lookup.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

void bootstrapHttpApp(EshopConnectorModule, {
  name: 'eshop-connector',
  // A handler's database error that only means "away for now" is a 503 with Retry-After.
  errorTranslators: [asDatabaseUnavailable],
  portVariable: 'CONNECTOR_HTTP_PORT',
  docs: {
    title: 'voucher-bridge eshop-connector',
    description: 'The web shop looks up vouchers sold at the stores\' cashboxes and registers endpoints to be told of their events; '
      + 'operators inspect, replay and discard dead letters, see the overview and trace vouchers (the operations console at `/console` reads these). Errors are `application/problem+json` (RFC 9457).',
    include: [LookupModule, SubscriptionsModule, DeadLettersModule, ConsoleModule],
    bearerDescription: 'The web shop\'s API key (`vbk_shop_…`) for lookups and subscriptions, an operator key (`vbk_op_…`) for dead letters and the audit; '
      + 'issued with `deploy/voucher-bridge.sh admin keys create shop|operator`.',
  },
});
