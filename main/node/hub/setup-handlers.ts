import { HubError } from '../../../contract/errors';
import { setupFields, SiteIdentity, type SetupField, type Site } from '../../../contract/queue';
import { isSampleValue, paperIdentity, SAMPLE_VALUE_TEXT, sampleIdentity } from '../../core/site-identity';
import { actorOf } from '../db/audit-store';
import { createSampleSite, createSite, replaceSampleIdentity } from './site-setup';
import type { Handlers, HubDeps } from './context';

/** Each given field's problem, worded for the person typing it: the wizard shows them under the fields. */
function setupProblems(values: Partial<Record<SetupField, string>>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of setupFields) {
    const value = values[field];
    if (value === undefined) continue;
    const parsed = SiteIdentity.shape[field].safeParse(value);
    if (!parsed.success) problems[field] = parsed.error.issues[0]!.message;
    else if (isSampleValue(field, parsed.data)) problems[field] = SAMPLE_VALUE_TEXT;
  }
  return problems;
}

/**
 * First start (docs/OPERATIONS.md "Lần chạy đầu"): the setup wizard checks each step here and
 * completes with the site's real identity, or the admin chooses to try it with sample data. The
 * wizard also replaces the sample site by the real one; after that the identity is edited in
 * Quản trị → Đơn vị (site.update).
 */
export function setupHandlers(deps: HubDeps) {
  const done = (ctx: Parameters<Handlers['setup.complete']>[1], site: Site) => {
    ctx.notify.changed('site', 'catalog', 'queue');
    return site;
  };
  return {
    'setup.check': async (input) => {
      const problems = setupProblems(input);
      const { name, superiorBody, commune, province } = input;
      const complete = name !== undefined && superiorBody !== undefined && commune !== undefined && province !== undefined && Object.keys(problems).length === 0;
      return { problems, paper: complete ? paperIdentity({ name, superiorBody, commune, province, sampleData: false }) : null };
    },

    'setup.complete': async (input, ctx) => {
      const { queueHours, ...identity } = input;
      const problems = setupProblems(identity);
      if (Object.keys(problems).length) throw new HubError('VALIDATION_FAILED', Object.values(problems)[0], { problems: Object.values(problems), fields: problems });
      const site = await deps.writer.run(() => {
        // Read through the store, which applies the sample rule: a sample site renamed before
        // version 7 lost its flag and must still be able to take its real identity here.
        const current = deps.site.get<Site>('site') ? deps.site.site() : null;
        if (current && !current.sampleData) throw new HubError('CONFLICT', 'Đơn vị đã được thiết lập. Sửa thông tin ở Quản trị → Đơn vị.');
        const next = current ? replaceSampleIdentity(deps, current, identity, queueHours) : createSite(deps, identity, queueHours, false, ctx.now);
        deps.audit.record(actorOf(ctx.principal), current ? 'site.sampleReplaced' : 'site.setUp', null, identity, ctx.now);
        return next;
      });
      return done(ctx, site);
    },

    'setup.sample': async (_input, ctx) => {
      const site = await deps.writer.run(() => {
        if (deps.site.get<Site>('site')) throw new HubError('CONFLICT', 'Đơn vị đã được thiết lập; không tạo lại dữ liệu mẫu.');
        const created = createSampleSite(deps, ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'site.sampleCreated', null, { agencyCode: sampleIdentity.agencyCode }, ctx.now);
        return created;
      });
      return done(ctx, site);
    },
  } satisfies Partial<Handlers>;
}
