export { MetricsModule } from './metrics.module';
export { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
export { Counter, Gauge, register as metricsRegistry } from 'prom-client';
