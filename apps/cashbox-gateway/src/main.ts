import 'reflect-metadata';
import { bootstrapHttpApp } from '@voucher-bridge/http';
import { CashboxGatewayModule } from './cashbox-gateway.module';

void bootstrapHttpApp(CashboxGatewayModule, { name: 'cashbox-gateway', portVariable: 'GATEWAY_HTTP_PORT' });
