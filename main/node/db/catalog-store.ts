import type { PriorityIcon, ServiceIcon } from '../../../contract/pictograms';
import type { Counter, NumberSequence, PriorityClass, Service, WeeklyHours } from '../../../contract/queue';
import { SqlStore } from './sql-store';

interface ServiceRow {
  id: string; code: string; name: string; name_en: string; hint: string; hint_en: string; icon: ServiceIcon; prefix: string;
  sequence_id: string; priority_mode: Service['priorityMode']; daily_cap: number | null; hours: string | null;
  default_service_minutes: number; max_wait_minutes: number | null; active: number; sort_order: number;
}
interface SequenceRow { id: string; code: string; range_start: number; range_end: number; step: number; pad_width: number }
interface PriorityRow { id: string; code: string; label: string; label_en: string; icon: PriorityIcon; weight: number; active: number; sort_order: number }
interface CounterRow { id: string; number: number; label: string; kind: Counter['kind']; mode: Counter['mode']; active: number }

const toService = (r: ServiceRow): Service => ({
  id: r.id, code: r.code, name: r.name, nameEn: r.name_en, hint: r.hint, hintEn: r.hint_en, icon: r.icon, prefix: r.prefix,
  sequenceId: r.sequence_id, priorityMode: r.priority_mode, dailyCap: r.daily_cap,
  hours: r.hours === null ? null : (JSON.parse(r.hours) as WeeklyHours),
  defaultServiceMinutes: r.default_service_minutes, maxWaitMinutes: r.max_wait_minutes,
  active: r.active === 1, sortOrder: r.sort_order,
});
const toSequence = (r: SequenceRow): NumberSequence => ({
  id: r.id, code: r.code, rangeStart: r.range_start, rangeEnd: r.range_end, step: r.step, padWidth: r.pad_width,
});
const toPriority = (r: PriorityRow): PriorityClass => ({
  id: r.id, code: r.code, label: r.label, labelEn: r.label_en, icon: r.icon, weight: r.weight, active: r.active === 1, sortOrder: r.sort_order,
});

/** Services, number sequences, priority classes and counters: small tables read on every call. */
export class CatalogStore extends SqlStore {

  services(): Service[] {
    return this.sql<[], ServiceRow>('SELECT * FROM services ORDER BY sort_order, name').all().map(toService);
  }
  service(id: string): Service | null {
    const r = this.sql<[string], ServiceRow>('SELECT * FROM services WHERE id = ?').get(id);
    return r ? toService(r) : null;
  }
  saveService(s: Service): void {
    this
      .sql(
        `INSERT INTO services (id, code, name, name_en, hint, hint_en, icon, prefix, sequence_id, priority_mode, daily_cap, hours,
           default_service_minutes, max_wait_minutes, active, sort_order)
         VALUES (@id, @code, @name, @nameEn, @hint, @hintEn, @icon, @prefix, @sequenceId, @priorityMode, @dailyCap, @hours,
           @defaultServiceMinutes, @maxWaitMinutes, @active, @sortOrder)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, name_en = excluded.name_en,
           hint = excluded.hint, hint_en = excluded.hint_en, icon = excluded.icon, prefix = excluded.prefix, sequence_id = excluded.sequence_id,
           priority_mode = excluded.priority_mode, daily_cap = excluded.daily_cap, hours = excluded.hours,
           default_service_minutes = excluded.default_service_minutes, max_wait_minutes = excluded.max_wait_minutes,
           active = excluded.active, sort_order = excluded.sort_order`,
      )
      .run({ ...s, hours: s.hours === null ? null : JSON.stringify(s.hours), active: s.active ? 1 : 0 });
  }

  sequences(): NumberSequence[] {
    return this.sql<[], SequenceRow>('SELECT * FROM number_sequences ORDER BY code').all().map(toSequence);
  }
  sequence(id: string): NumberSequence | null {
    const r = this.sql<[string], SequenceRow>('SELECT * FROM number_sequences WHERE id = ?').get(id);
    return r ? toSequence(r) : null;
  }
  saveSequence(s: NumberSequence): void {
    this
      .sql(
        `INSERT INTO number_sequences (id, code, range_start, range_end, step, pad_width)
         VALUES (@id, @code, @rangeStart, @rangeEnd, @step, @padWidth)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, range_start = excluded.range_start,
           range_end = excluded.range_end, step = excluded.step, pad_width = excluded.pad_width`,
      )
      .run(s);
  }

  priorityClasses(): PriorityClass[] {
    return this.sql<[], PriorityRow>('SELECT * FROM priority_classes ORDER BY sort_order, label').all().map(toPriority);
  }
  priorityClass(id: string): PriorityClass | null {
    const r = this.sql<[string], PriorityRow>('SELECT * FROM priority_classes WHERE id = ?').get(id);
    return r ? toPriority(r) : null;
  }
  savePriorityClass(p: PriorityClass): void {
    this
      .sql(
        `INSERT INTO priority_classes (id, code, label, label_en, icon, weight, active, sort_order)
         VALUES (@id, @code, @label, @labelEn, @icon, @weight, @active, @sortOrder)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, label = excluded.label, label_en = excluded.label_en, icon = excluded.icon,
           weight = excluded.weight, active = excluded.active, sort_order = excluded.sort_order`,
      )
      .run({ ...p, active: p.active ? 1 : 0 });
  }

  counters(): Counter[] {
    const skills = this
      .sql<[], { counter_id: string; service_id: string; weight: number }>('SELECT * FROM counter_skills ORDER BY weight DESC, service_id')
      .all();
    return this
      .sql<[], CounterRow>('SELECT * FROM counters ORDER BY number')
      .all()
      .map((r) => ({
        id: r.id, number: r.number, label: r.label, kind: r.kind, mode: r.mode, active: r.active === 1,
        skills: skills.filter((s) => s.counter_id === r.id).map((s) => ({ serviceId: s.service_id, weight: s.weight })),
      }));
  }
  counter(id: string): Counter | null {
    return this.counters().find((c) => c.id === id) ?? null;
  }
  saveCounter(c: Counter): void {
    this
      .sql(
        `INSERT INTO counters (id, number, label, kind, mode, active) VALUES (@id, @number, @label, @kind, @mode, @active)
         ON CONFLICT (id) DO UPDATE SET number = excluded.number, label = excluded.label, kind = excluded.kind,
           mode = excluded.mode, active = excluded.active`,
      )
      .run({ id: c.id, number: c.number, label: c.label, kind: c.kind, mode: c.mode, active: c.active ? 1 : 0 });
    this.sql('DELETE FROM counter_skills WHERE counter_id = ?').run(c.id);
    const add = this.sql('INSERT INTO counter_skills (counter_id, service_id, weight) VALUES (?, ?, ?)');
    for (const s of c.skills) add.run(c.id, s.serviceId, s.weight);
  }
}
