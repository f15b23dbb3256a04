import type { Migration } from '../migrate';
import { migration001 } from './001-queue';
import { migration002 } from './002-ratings';
import { migration003 } from './003-printing';
import { migration004 } from './004-dossiers';
import { migration005 } from './005-sync';
import { migration006 } from './006-procedure-feed-version';
import { migration007 } from './007-site-identity';
import { migration008 } from './008-dossier-events-by-type';
import { migration009 } from './009-report-indexes';
import { migration010 } from './010-report-folds';
import { migration011 } from './011-ticket-folds-after';
import { migration012 } from './012-dossier-search-forms';
import { migration013 } from './013-province-lookup-url';
import { migration014 } from './014-checklist-print-jobs';
import { migration015 } from './015-appointments';

/** Every migration in order; a new one is a new numbered file added at the end, never an edit. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015];
