import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Builds the `validate` function for `ConfigModule.forRoot`: every class is one area's
 * variables (database, Kafka, HTTP, ...). A missing or malformed value stops the app with a
 * message naming each variable at fault.
 */
export function validateEnvironment(...areas: ClassConstructor<object>[]) {
  return (raw: Record<string, unknown>): Record<string, unknown> => {
    const problems: string[] = [];
    const validated: Record<string, unknown> = { ...raw };
    for (const area of areas) {
      const instance = plainToInstance(area, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
      for (const error of validateSync(instance, { skipMissingProperties: false })) {
        const messages = Object.values(error.constraints ?? {}).join('; ');
        problems.push(`  ${error.property}: ${messages}`);
      }
      // plainToInstance copies every raw variable onto each area's instance: take only what the
      // area converted or defaulted, so one area cannot undo another's conversion (a later area
      // would otherwise put back KAFKA_BROKERS as the raw string the Kafka area split).
      for (const [name, value] of Object.entries(instance)) {
        if (!(name in raw) || value !== raw[name]) validated[name] = value;
      }
    }
    if (problems.length > 0) {
      throw new Error(`Invalid configuration in environment variables:\n${problems.join('\n')}`);
    }
    return validated;
  };
}
