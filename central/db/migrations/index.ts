import { statements as initial } from './001-initial';
import { statements as rejectionsByPosition } from './002-rejections-by-position';
import { statements as agencyCodes } from './003-agency-codes';
import { statements as currentStream } from './004-current-stream';
import { statements as accounts } from './005-accounts';
import { statements as provinceIndexes } from './006-province-indexes';
import { statements as siteLastSeen } from './007-site-last-seen';
import { statements as siteDays } from './008-site-days';
import { statements as appointments } from './009-appointments';

/** Every migration in order; the position + 1 is the schema version it brings the database to. */
export const migrations: readonly (readonly string[])[] = [initial, rejectionsByPosition, agencyCodes, currentStream, accounts, provinceIndexes, siteLastSeen, siteDays, appointments];
