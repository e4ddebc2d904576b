/**
 * Identity of the NTM catalog document format. Bump CATALOG_FORMAT_VERSION only with a migration in
 * migrateCatalog and a frozen fixture of the old version (STYLE.md §10).
 */
export const CATALOG_FORMAT = 'ntm-desk/ntm-catalog';
export const CATALOG_FORMAT_VERSION = 1;
