import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import { RequestLog } from './request-log';

/** nestjs-pino for the whole app (request ids, JSON lines) and `RequestLog` for features. */
@Global()
@Module({})
export class LoggingModule {
  static forApp(params: Params): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot(params)],
      providers: [RequestLog],
      exports: [RequestLog],
    };
  }
}
