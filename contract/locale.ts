import { z } from 'zod';

/** Validation messages in Vietnamese, for every process that imports the contract. */
z.config(z.locales.vi());
