import { kafkaBroker } from './kafka-broker';

export default async function globalTeardown(): Promise<void> {
  await kafkaBroker('stop');
}
