// class-transformer's @Type needs the Reflect metadata API wherever this library is used.
import 'reflect-metadata';

export * from './cloudevents';
export * from './envelope';
export * from './json-schema';
export * from './rules';
export * from './serialization';
export * from './topic';
export * from './validation';
export * from './voucher-code';
export * from './voucher-cancelled';
export * from './voucher-purchased';
export * from './voucher-redeemed';
