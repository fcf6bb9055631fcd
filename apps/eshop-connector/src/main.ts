import 'reflect-metadata';
import { bootstrapHttpApp } from '@voucher-bridge/http';
import { EshopConnectorModule } from './eshop-connector.module';

void bootstrapHttpApp(EshopConnectorModule, { name: 'eshop-connector', portVariable: 'CONNECTOR_HTTP_PORT' });
