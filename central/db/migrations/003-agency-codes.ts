/**
 * Each site's agency code (mã định danh cơ quan), registered by its hub when it enrols and when
 * its admin changes it. The code starts every dossier code the site issues, so no two sites may
 * hold one: two hubs under one code would hand two citizens the same legal receipt number. Null
 * until the hub registers it (sites enrolled before this version).
 */
export const statements: readonly string[] = [
  `ALTER TABLE sites ADD COLUMN agency_code text`,
  `CREATE UNIQUE INDEX sites_agency_code ON sites (agency_code)`,
];
