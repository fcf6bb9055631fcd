import { DynamicModule, InjectionToken, Module, ModuleMetadata } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-checks';
import { ReadinessController } from './readiness.controller';

export interface ReadinessOptions {
  /** Modules exporting indicators that are not global. */
  imports?: ModuleMetadata['imports'];
  inject: InjectionToken[];
  /** The app's readiness: which indicators, and which of them only inform (`advisory`). */
  checks: (...indicators: any[]) => ReadinessCheck[];
}

/** Health endpoints; each app composes its readiness from the indicators its modules export. */
@Module({})
export class HealthModule {
  static forApp(readiness: ReadinessOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(readiness.imports ?? [])],
      controllers: [ReadinessController],
      providers: [{ provide: READINESS_CHECKS, inject: readiness.inject, useFactory: readiness.checks }],
    };
  }
}
