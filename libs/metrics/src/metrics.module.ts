import { DynamicModule, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';

/**
 * `GET /metrics` in Prometheus text format: Node.js process metrics plus the counters and
 * gauges features declare next to their code, all labelled with the app's name.
 */
@Module({})
export class MetricsModule {
  static forApp(app: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      imports: [
        PrometheusModule.register({
          path: '/metrics',
          defaultMetrics: { enabled: true },
          defaultLabels: { app },
        }),
      ],
      exports: [PrometheusModule],
    };
  }
}
