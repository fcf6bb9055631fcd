export { MetricsModule } from './metrics.module';
export { InjectMetric, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
export { Counter, Gauge, Histogram, register as metricsRegistry } from 'prom-client';
