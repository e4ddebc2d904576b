/** Pure rules of plans and verification: pace against a target, labels, months left. */
export * from './pace';
export * from './labels';
export * from './reportSection';
export * from './outcomes';
