import { useEffect, useRef, useState } from 'react';
import type { AppointmentRule, AppointmentSettings } from '../../../../contract/appointments';
import { HubError } from '../../../../contract/errors';
import type { Service } from '../../../../contract/queue';
import { issuesOf } from '../../hub/problem';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { Field } from './Field';
import { Loading } from './Loading';
import { SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

const MAX_WINDOWS = 6;
/** A service switched on for the first time starts from this: a morning of 30-minute slots, two citizens each, one of them booked by the desk. */
const NEW_RULE: Omit<AppointmentRule, 'serviceId'> = { enabled: true, windows: [{ from: '08:00', to: '11:00' }], slotMinutes: 30, capacity: 2, siteSeats: 1, daysAhead: 14 };

const siteNames: Record<string, string> = {
  earlyMinutes: 'Nhận lịch hẹn sớm nhất trước giờ hẹn (phút)',
  lateMinutes: 'Nhận lịch hẹn muộn nhất sau giờ hẹn (phút)',
  maxInARow: 'Số lịch hẹn gọi liên tiếp tối đa',
  maxActivePerId: 'Số lịch hẹn một người được giữ cùng lúc',
};
const ruleNames: Record<string, string> = {
  windows: 'Khung giờ nhận hẹn',
  slotMinutes: 'Thời lượng mỗi lượt (phút)',
  capacity: 'Số người mỗi lượt',
  siteSeats: 'Trong đó bộ phận một cửa đặt (điện thoại)',
  daysAhead: 'Đặt trước tối đa (ngày)',
};

/** Section "Lịch hẹn" (docs/APPOINTMENTS.md): the check-in window, calling, the per-ID limit, and each service's bookable slots. */
export function AppointmentSettingsSection() {
  const { client, changes } = useHub();
  const settings = useData(() => client['appointments.settings']({}), ['site', 'catalog', 'appointments'], changes);
  const catalog = useData(() => client['catalog.get']({}), ['catalog'], changes);
  if (!settings.data || !catalog.data) return <Loading error={settings.error ?? catalog.error} />;
  return <AppointmentSettingsForm source={settings.data} services={catalog.data.services.filter((s) => s.active)} />;
}

/** "rules.0.siteSeats" → "Hộ tịch: Trong đó bộ phận một cửa đặt (điện thoại)", for the list beside Save. */
function describe(settings: AppointmentSettings, services: readonly Service[]) {
  return (path: string): string | undefined => {
    const [head, index, field, window] = path.split('.');
    if (head !== 'rules') return siteNames[head ?? ''];
    const name = services.find((s) => s.id === settings.rules[Number(index)]?.serviceId)?.name ?? `dịch vụ ${Number(index) + 1}`;
    const what = field === 'windows' && window !== undefined ? `khung giờ ${Number(window) + 1}` : ruleNames[field ?? ''];
    return what ? `${name}: ${what}` : name;
  };
}

function AppointmentSettingsForm(props: { source: AppointmentSettings; services: readonly Service[] }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  // The hub's word on each field of the last save, by its whole path; a new refusal takes the admin to the first.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = refused > 0 ? box.current?.querySelector<HTMLElement>('[aria-invalid=true]') : null;
    // Centred: the form's sticky Save bar would otherwise cover a field low on the page.
    first?.focus({ preventScroll: true });
    first?.scrollIntoView({ block: 'center' });
  }, [refused]);
  const edit = (patch: Partial<AppointmentSettings>) => {
    draft.update(patch);
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !Object.keys(patch).some((f) => k === f || k.startsWith(`${f}.`)))));
  };
  const ruleIndex = (serviceId: string) => v.rules.findIndex((r) => r.serviceId === serviceId);
  const setRule = (serviceId: string, patch: Partial<AppointmentRule>) => {
    const i = ruleIndex(serviceId);
    edit({ rules: i < 0 ? [...v.rules, { serviceId, ...NEW_RULE, ...patch }] : v.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  };
  const problem = (path: string) => problems[path];

  return (
    <SaveForm
      label="Cài đặt lịch hẹn"
      dirty={draft.dirty}
      describe={describe(v, props.services)}
      save={async () => {
        const saved = await client['appointments.saveSettings'](v).catch((e: unknown) => {
          if (e instanceof HubError) {
            setProblems(Object.fromEntries(issuesOf(e.details).map((i) => [i.path, i.message])));
            setRefused((n) => n + 1);
          }
          throw e;
        });
        setProblems({});
        draft.saved(saved);
      }}
    >
      <div ref={box} className="appointment-settings">
        <fieldset className="form-grid">
          <legend>Nhận lịch hẹn tại kiosk và gọi số</legend>
          <Field kind="number" label={siteNames.earlyMinutes} min={0} max={240} value={v.earlyMinutes} onChange={(earlyMinutes) => edit({ earlyMinutes })} error={problem('earlyMinutes')} hint={`Đến sớm hơn ${v.earlyMinutes} phút, kiosk báo giờ bắt đầu nhận.`} />
          <Field kind="number" label={siteNames.lateMinutes} min={0} max={240} value={v.lateMinutes} onChange={(lateMinutes) => edit({ lateMinutes })} error={problem('lateMinutes')} hint={`Quá ${v.lateMinutes} phút sau giờ hẹn là lỡ hẹn: công dân lấy số thường.`} />
          <Field kind="number" label={siteNames.maxInARow} min={1} max={10} value={v.maxInARow} onChange={(maxInARow) => edit({ maxInARow })} error={problem('maxInARow')} hint="Sau chừng ấy số có hẹn gọi liền nhau, quầy gọi một người không hẹn: người đến trực tiếp không phải chờ mãi." />
          <Field kind="number" label={siteNames.maxActivePerId} min={1} max={10} value={v.maxActivePerId} onChange={(maxActivePerId) => edit({ maxActivePerId })} error={problem('maxActivePerId')} hint="Chống giữ chỗ: số lịch hẹn chưa đến hạn một số định danh được giữ." />
        </fieldset>
        {props.services.map((s) => {
          const i = ruleIndex(s.id);
          const rule = i < 0 ? null : v.rules[i]!;
          const at = (field: string) => problem(`rules.${i}.${field}`);
          return (
            <fieldset key={s.id} className="appointment-rule">
              <legend>{s.name}</legend>
              <Field kind="checkbox" label="Nhận đặt lịch hẹn cho dịch vụ này" value={rule?.enabled ?? false} onChange={(enabled) => setRule(s.id, { enabled })} />
              {rule?.enabled ? (
                <>
                  <div className="appointment-windows" role="group" aria-label={`${s.name}: ${ruleNames.windows}`}>
                    <span className="appointment-windows-label">{ruleNames.windows}</span>
                    {rule.windows.map((w, k) => {
                      const where = `${s.name}, khung ${k + 1}, `;
                      const change = (patch: Partial<typeof w>) => setRule(s.id, { windows: rule.windows.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
                      const error = at(`windows.${k}.from`) ?? at(`windows.${k}.to`) ?? at(`windows.${k}`);
                      return (
                        <div key={k} className="hours-window">
                          <Field kind="text" className="field-time" label={<><span className="visually-hidden">{where}</span>Từ</>} value={w.from} maxLength={5} inputMode="numeric" placeholder="08:00" onChange={(from) => change({ from })} error={error} />
                          <Field kind="text" className="field-time" label={<><span className="visually-hidden">{where}</span>Đến</>} value={w.to} maxLength={5} inputMode="numeric" placeholder="11:00" onChange={(to) => change({ to })} />
                          {rule.windows.length > 1 ? (
                            <Button variant="ghost" aria-label={`Xóa ${where.slice(0, -2)}`} onClick={() => setRule(s.id, { windows: rule.windows.filter((_, j) => j !== k) })}>
                              Xóa
                            </Button>
                          ) : null}
                        </div>
                      );
                    })}
                    {rule.windows.length < MAX_WINDOWS ? (
                      <Button onClick={() => setRule(s.id, { windows: [...rule.windows, { from: '14:00', to: '16:00' }] })}>Thêm khung giờ</Button>
                    ) : null}
                    {at('windows') ? <p className="field-error">{at('windows')}</p> : null}
                  </div>
                  <div className="form-grid">
                    <Field kind="number" label={ruleNames.slotMinutes} min={5} max={240} value={rule.slotMinutes} onChange={(slotMinutes) => setRule(s.id, { slotMinutes })} error={at('slotMinutes')} />
                    <Field kind="number" label={ruleNames.capacity} min={1} max={50} value={rule.capacity} onChange={(capacity) => setRule(s.id, { capacity })} error={at('capacity')} />
                    <Field kind="number" label={ruleNames.siteSeats} min={0} max={50} value={rule.siteSeats} onChange={(siteSeats) => setRule(s.id, { siteSeats })} error={at('siteSeats')} hint={`Còn ${Math.max(0, rule.capacity - rule.siteSeats)} chỗ mỗi lượt đặt trực tuyến trên trang của tỉnh.`} />
                    <Field kind="number" label={ruleNames.daysAhead} min={1} max={90} value={rule.daysAhead} onChange={(daysAhead) => setRule(s.id, { daysAhead })} error={at('daysAhead')} />
                  </div>
                </>
              ) : null}
            </fieldset>
          );
        })}
      </div>
    </SaveForm>
  );
}
