import { HubError } from '../../../contract/errors';
import type { Site } from '../../../contract/queue';
import { checkAdminsRemain, checkPrefixes } from '../../core/catalog-rules';
import { stillSampleData } from '../../core/site-identity';
import { hashPassword } from '../../../common/node/password';
import { registerAgencyCode, REGISTERED_AGENCY_CODE_KEY } from '../sync/agency-registration';
import type { CentralConfig } from '../sync/central-client';
import { actorOf } from '../db/audit-store';
import { uuidv7 } from '../db/uuidv7';
import { checkNewPassword } from './auth-handlers';
import { endSampleMode } from './site-setup';
import { pushRulesIfBooking } from './appointment-rules';
import type { Handlers, HubDeps } from './context';

/** Site settings and the catalogue (services, sequences, priority classes, counters, staff). */
export function catalogHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { catalog, people, site } = deps;
  const audit = (ctx: Parameters<Handlers['site.update']>[1], action: string, target: { type: string; id: string } | null, details: unknown) =>
    deps.audit.record(actorOf(ctx.principal), action, target, details, ctx.now);

  return {
    'system.health': async (_input, ctx) => ({
      ok: true as const, version: deps.version, serverTime: new Date(ctx.now).toISOString(), siteName: site.get<Site>('site')?.name ?? '', storage: deps.storage.view(), clock: deps.siteClock.view(),
    }),

    'site.get': async () => site.site(),

    'site.update': async (patch, ctx) => {
      // A new agency code is registered with the central first: saved only once no other site holds it.
      const sync = site.get<CentralConfig>('sync');
      const registered = sync !== null && patch.agencyCode !== undefined && patch.agencyCode !== site.site().agencyCode;
      if (registered) await registerAgencyCode(sync, deps.version, patch.agencyCode!);
      const next = await write(() => {
        if (registered) site.set(REGISTERED_AGENCY_CODE_KEY, patch.agencyCode);
        const current = site.site();
        const merged = { ...current, ...patch };
        const updated = { ...merged, sampleData: stillSampleData(current, merged) };
        audit(ctx, 'site.updated', null, { fields: Object.keys(patch) });
        let saved = updated;
        if (current.sampleData && !updated.sampleData) saved = endSampleMode(deps, updated);
        else site.set('site', updated);
        // The central offers online slots from the site's name and hours.
        if (patch.name !== undefined || patch.queueHours !== undefined) pushRulesIfBooking(deps, ctx.now);
        return saved;
      });
      ctx.notify.changed('site');
      return next;
    },

    'catalog.get': async () => ({
      services: catalog.services(),
      sequences: catalog.sequences(),
      priorityClasses: catalog.priorityClasses(),
      counters: catalog.counters(),
    }),

    'admin.saveSequence': async (input, ctx) => {
      const seq = { ...input, id: input.id ?? uuidv7(ctx.now) };
      await write(() => {
        catalog.saveSequence(seq);
        audit(ctx, 'catalog.sequenceSaved', { type: 'sequence', id: seq.id }, seq);
      });
      ctx.notify.changed('catalog');
      return catalog.sequence(seq.id)!;
    },

    'admin.saveService': async (input, ctx) => {
      const service = { ...input, id: input.id ?? uuidv7(ctx.now) };
      await write(() => {
        if (!catalog.sequence(service.sequenceId)) throw new HubError('NOT_FOUND', 'Không tìm thấy dãy số đã chọn.');
        catalog.saveService(service);
        checkPrefixes(catalog.services());
        audit(ctx, 'catalog.serviceSaved', { type: 'service', id: service.id }, service);
        pushRulesIfBooking(deps, ctx.now, service.id);
      });
      ctx.notify.changed('catalog', 'queue');
      return catalog.service(service.id)!;
    },

    'admin.savePriorityClass': async (input, ctx) => {
      const pc = { ...input, id: input.id ?? uuidv7(ctx.now) };
      await write(() => {
        catalog.savePriorityClass(pc);
        audit(ctx, 'catalog.priorityClassSaved', { type: 'priorityClass', id: pc.id }, pc);
      });
      ctx.notify.changed('catalog');
      return catalog.priorityClass(pc.id)!;
    },

    'admin.saveCounter': async (input, ctx) => {
      const counter = { ...input, id: input.id ?? uuidv7(ctx.now) };
      await write(() => {
        for (const s of counter.skills) if (!catalog.service(s.serviceId)) throw new HubError('NOT_FOUND', 'Kỹ năng quầy chứa dịch vụ không tồn tại.');
        catalog.saveCounter(counter);
        audit(ctx, 'catalog.counterSaved', { type: 'counter', id: counter.id }, counter);
      });
      ctx.notify.changed('catalog', 'counters', 'queue');
      return catalog.counter(counter.id)!;
    },

    'admin.setKioskPin': async ({ pin }, ctx) => {
      const hash = await hashPassword(pin);
      await write(() => {
        site.set('kioskPinHash', hash);
        audit(ctx, 'site.kioskPinSet', null, {});
      });
      return { ok: true as const };
    },

    'admin.listStaff': async () => people.listStaff(),

    'admin.saveStaff': async ({ initialPassword, ...input }, ctx) => {
      const existing = input.id ? people.staffById(input.id) : null;
      if (input.id && !existing) throw new HubError('NOT_FOUND', 'Không tìm thấy tài khoản.');
      if (!existing && !initialPassword) throw new HubError('VALIDATION_FAILED', 'Tài khoản mới cần một mật khẩu dùng một lần.');
      if (initialPassword) checkNewPassword(initialPassword, null);
      const hash = !existing && initialPassword ? await hashPassword(initialPassword) : null;
      const id = input.id ?? uuidv7(ctx.now);
      await write(() => {
        const other = people.staffByUsername(input.username);
        if (other && other.id !== id) throw new HubError('CONFLICT', `Tên đăng nhập ${input.username} đã có người dùng.`);
        if (existing) people.updateStaff({ ...input, id });
        else people.insertStaff({ ...input, id, mustChangePassword: true }, hash!, ctx.now);
        checkAdminsRemain(people.listStaff());
        if (!input.active) people.endSessionsOfStaff(id, ctx.now, null);
        audit(ctx, 'staff.saved', { type: 'staff', id }, { username: input.username, role: input.role, active: input.active });
      });
      if (!input.active) ctx.notify.credentialEnded({ staffId: id });
      ctx.notify.changed('staff');
      const { passwordHash: _h, ...account } = people.staffById(id)!;
      return account;
    },

    'admin.resetPassword': async ({ staffId, newPassword }, ctx) => {
      if (!people.staffById(staffId)) throw new HubError('NOT_FOUND', 'Không tìm thấy tài khoản.');
      checkNewPassword(newPassword, null);
      const hash = await hashPassword(newPassword);
      await write(() => {
        people.setPassword(staffId, hash, true);
        people.endSessionsOfStaff(staffId, ctx.now, null);
        audit(ctx, 'staff.passwordReset', { type: 'staff', id: staffId }, {});
      });
      ctx.notify.credentialEnded({ staffId });
      const { passwordHash: _h, ...account } = people.staffById(staffId)!;
      return account;
    },
  } satisfies Partial<Handlers>;
}
