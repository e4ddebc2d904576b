import type { BundleErrorCode } from '../../../../core/bundle/errors';
import type { BundleLimits } from '../../../../core/bundle/limits';

/** One entry of index.json: a corpus file and the outcome reading it must have. */
export type CorpusCase = {
  file: string;
  /** The AppError code readBundle must throw, or 'OK' for fixtures that must import. */
  code: BundleErrorCode | 'OK';
  description: string;
  /** Name of a validator defined in corpus.test.ts. */
  validator?: string;
  limits?: Partial<BundleLimits>;
  /** Office code the trusted signer is registered for; 'H01' when absent. */
  signerOffice?: string;
};
