import { randomUUID } from 'node:crypto';
import type { DossierSettings } from '../../../contract/dossier';
import { USUAL_HOURS, type Site, type SiteIdentity, type WeeklyHours } from '../../../contract/queue';
import { hashPassword, oneTimePassword } from '../../../common/node/password';
import { defaultRatingSettings } from '../db/migrations/002-ratings';
import { defaultPrintingSettings } from '../db/migrations/003-printing';
import { sampleProcedures } from '../catalog/sample-catalogue';
import { uuidv7 } from '../db/uuidv7';
import { SAMPLE_SIGNER, SAMPLE_TICKER, sampleIdentity, withoutSampleExtras } from '../../core/site-identity';
import type { HubDeps } from './context';

const usualServices = [
  { code: 'HT', prefix: 'A', name: 'Hộ tịch', nameEn: 'Civil status', hint: 'Khai sinh, kết hôn, khai tử, xác nhận tình trạng hôn nhân', hintEn: 'Birth, marriage, death registration', icon: 'civil_status', minutes: 10 },
  { code: 'CT', prefix: 'B', name: 'Chứng thực', nameEn: 'Certification', hint: 'Chứng thực bản sao, chữ ký, hợp đồng', hintEn: 'Certified copies, signatures, contracts', icon: 'certification', minutes: 5 },
  { code: 'DD', prefix: 'C', name: 'Đất đai', nameEn: 'Land', hint: 'Đăng ký đất đai, cấp giấy chứng nhận quyền sử dụng đất', hintEn: 'Land registration and certificates', icon: 'land', minutes: 15 },
  { code: 'KD', prefix: 'D', name: 'Kinh doanh', nameEn: 'Business', hint: 'Đăng ký hộ kinh doanh, thay đổi nội dung đăng ký', hintEn: 'Household business registration', icon: 'business', minutes: 12 },
] as const;

const usualPriority = [
  { code: 'NCC', label: 'Người có công với cách mạng', labelEn: 'Revolutionary contributor', icon: 'merit', weight: 5 },
  { code: 'NKT', label: 'Người khuyết tật', labelEn: 'Person with a disability', icon: 'disabled', weight: 4 },
  { code: 'NCT', label: 'Người cao tuổi (từ 60 tuổi)', labelEn: 'Elderly (60+)', icon: 'elderly', weight: 3 },
  { code: 'PNMT', label: 'Phụ nữ mang thai', labelEn: 'Pregnant woman', icon: 'pregnant', weight: 3 },
  { code: 'CON36', label: 'Người đưa con dưới 36 tháng tuổi', labelEn: 'With a child under 36 months', icon: 'child', weight: 2 },
] as const;

/**
 * First start: the admin account, whose one-time password is returned to be printed once and
 * must be changed at first login, and the database's sync stream. No site yet: the hub answers
 * SETUP_NEEDED until the admin completes the setup wizard or chooses to try it with sample data.
 * Returns null when the database already has staff (not a first start).
 */
export async function createFirstAdminIfEmpty(deps: HubDeps): Promise<{ username: string; password: string } | null> {
  if (deps.people.countStaff() > 0) return null;
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  const now = deps.clock();
  return deps.db.transaction(() => {
    if (deps.people.countStaff() > 0) return null;
    // A new database is a new outbox stream for the central (sync.md: incarnation).
    const incarnation = randomUUID();
    deps.site.set('incarnation', incarnation);
    deps.sync.startStream(incarnation, 1, now);
    deps.people.insertStaff(
      { id: uuidv7(now), username: 'admin', fullName: 'Quản trị viên', role: 'admin', active: true, canCallSpecific: true, mustChangePassword: true },
      hash,
      now,
    );
    deps.audit.record({ kind: 'system', id: null }, 'site.firstStart', null, {}, now);
    return { username: 'admin', password };
  })();
}

/**
 * A new site with what every commune desk starts from — four services, three counters, the
 * usual priority classes, and the sample procedure catalogue (marked "mẫu", to be replaced by the
 * province's) — so kiosks and intake work the day the wizard is done; the admin edits them in
 * Quản trị. With `sampleData` it is the "Dùng thử" site. Runs inside the caller's write.
 */
export function createSite(deps: HubDeps, identity: SiteIdentity, queueHours: WeeklyHours, sampleData: boolean, now: number): Site {
  const site: Site = {
    ...identity,
    queueHours,
    callingRules: { interleaveAfterPriority: 3, maxWaitMinutes: 45, useSkillWeights: true },
    ticker: sampleData ? SAMPLE_TICKER : '',
    language: 'vi',
    rating: defaultRatingSettings,
    // Migration 003's defaults and the fields added since (013).
    printing: { ...defaultPrintingSettings, provinceLookupUrl: null },
    sampleData,
  };
  deps.site.set('site', site);
  const services = usualServices.map((d, i) => {
    const sequenceId = uuidv7(now);
    deps.catalog.saveSequence({ id: sequenceId, code: d.code, rangeStart: 1, rangeEnd: 9999, step: 1, padWidth: 3 });
    const service = {
      id: uuidv7(now), code: d.code, name: d.name, nameEn: d.nameEn, hint: d.hint, hintEn: d.hintEn, icon: d.icon, prefix: d.prefix,
      sequenceId, priorityMode: 'both' as const, dailyCap: null, hours: null, defaultServiceMinutes: d.minutes,
      maxWaitMinutes: null, active: true, sortOrder: i,
    };
    deps.catalog.saveService(service);
    return service;
  });
  usualPriority.forEach((p, i) => deps.catalog.savePriorityClass({ id: uuidv7(now), ...p, active: true, sortOrder: i }));
  const [ht, ct, dd, kd] = services as [(typeof services)[0], (typeof services)[0], (typeof services)[0], (typeof services)[0]];
  const counters = [
    { number: 1, skills: [{ serviceId: ht.id, weight: 3 }, { serviceId: ct.id, weight: 1 }] },
    { number: 2, skills: [{ serviceId: ct.id, weight: 3 }, { serviceId: ht.id, weight: 1 }, { serviceId: kd.id, weight: 1 }] },
    { number: 3, skills: [{ serviceId: dd.id, weight: 3 }, { serviceId: kd.id, weight: 2 }] },
  ];
  for (const c of counters) {
    deps.catalog.saveCounter({ id: uuidv7(now), number: c.number, label: `Quầy số ${c.number}`, kind: 'quay', mode: 'all', skills: c.skills, active: true });
  }
  for (const p of sampleProcedures) deps.dossiers.insertProcedure({ ...p, version: 1, source: 'sample' }, now);
  if (sampleData) deps.site.set('dossiers', { ...deps.site.get<DossierSettings>('dossiers')!, signerName: SAMPLE_SIGNER });
  return site;
}

/** The sample site of "Dùng thử với dữ liệu mẫu". */
export function createSampleSite(deps: HubDeps, now: number): Site {
  return createSite(deps, sampleIdentity, USUAL_HOURS, true, now);
}

/**
 * Sample mode ends, whichever way (the wizard or Quản trị → Đơn vị): the site is saved without the
 * sample's ticker, and the dossier settings without its signer, so no TV and no real letter shows
 * them. Runs inside the caller's write.
 */
export function endSampleMode(deps: HubDeps, site: Site): Site {
  const cleaned = withoutSampleExtras({ ...site, sampleData: false }, deps.site.get<DossierSettings>('dossiers')!);
  deps.site.set('site', cleaned.site);
  deps.site.set('dossiers', cleaned.dossiers);
  return cleaned.site;
}

/**
 * The sample site replaced by the real identity: services, counters and procedures the admin
 * tried stay (they are the usual ones); the sample's own values go (`endSampleMode`).
 */
export function replaceSampleIdentity(deps: HubDeps, current: Site, identity: SiteIdentity, queueHours: WeeklyHours): Site {
  return endSampleMode(deps, { ...current, ...identity, queueHours });
}
