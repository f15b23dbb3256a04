import { z } from 'zod';

/**
 * A procedure as the kiosk shows and prints it (main/core/kiosk-procedure.ts words it): the papers
 * to bring with how many and in which form, the fees and the processing time in words, the result
 * and where to submit. Only what is public in the province's catalogue.
 */
export const KioskProcedure = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  papers: z.array(z.object({ name: z.string(), howMany: z.string(), mandatory: z.boolean() })),
  fees: z.array(z.string()),
  processing: z.string(),
  result: z.string(),
  authority: z.string(),
  submitAt: z.string(),
  siteName: z.string(),
  sampleData: z.boolean(),
});
export type KioskProcedure = z.infer<typeof KioskProcedure>;

/** One line of the kiosk's procedure list. */
export const KioskProcedureItem = z.object({ code: z.string(), name: z.string(), field: z.string() });

/** The kiosk's procedure list: the fields to browse by, and the procedures matching the words or the field. */
export const KioskProcedureList = z.object({ fields: z.array(z.string()), procedures: z.array(KioskProcedureItem) });
