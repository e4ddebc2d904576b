/** The 1 July 2025 reform: cutting report periods at the date, and checking a unit's era against a record's date. */
export * from './periodSplit';
export * from './unitEraForDate';
