export { exportBundle, type ExportBundleInput, type ExportBundleResult, type ExportProgress } from './exportBundle';
export { readBundle, type BundleHead, type ReadBundleInput, type ReadBundleResult, type TrustedSigner } from './readBundle';
export type { BundleRecord, RecordValidator } from './ndjson';
export * from './keys';
export * from './minisignKeys';
export { parseSignature, signMinisign, verifyMinisign, type MinisignSignature } from './minisignSignature';
export { openAgeFile, encryptStream } from './ageFile';
