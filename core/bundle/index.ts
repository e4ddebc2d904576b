export * from './errors';
export * from './limits';
export * from './manifest';
export * from './nfc';
export * from './paths';
