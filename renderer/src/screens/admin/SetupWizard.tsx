import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpOutput } from '../../../../contract/ops';
import { USUAL_HOURS, type SetupField, type WeeklyHours } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Field } from './Field';
import { HoursEditor } from './HoursEditor';

type Identity = Record<SetupField, string>;
type Paper = NonNullable<OpOutput<'setup.check'>['paper']>;

const labels: Record<SetupField, string> = {
  name: 'Tên đơn vị in trên giấy tờ',
  superiorBody: 'Cơ quan chủ quản',
  province: 'Tỉnh / thành phố',
  commune: 'Xã / phường',
  address: 'Địa chỉ',
  agencyCode: 'Mã định danh cơ quan',
};

const hints: Record<SetupField, string> = {
  name: 'Dòng in đậm ở đầu mọi giấy tờ, và tên hiện trên phiếu số, kiosk, màn hình chờ. Ví dụ: Bộ phận Một cửa xã Ia Dom.',
  superiorBody: 'Dòng trên cùng của tiêu đề giấy tờ, cũng là cơ quan đứng tên trong văn bản xin lỗi, thông báo. Ví dụ: UBND xã Ia Dom. Để trống nếu không có.',
  province: 'Ví dụ: Gia Lai.',
  commune: 'Địa danh ở dòng “…, ngày … tháng … năm …”. Ví dụ: Ia Dom.',
  address: 'Nơi công dân đến nộp hồ sơ và nhận kết quả.',
  agencyCode: 'Mở đầu mọi mã hồ sơ. Dạng 000.00.15.H21 (QCVN 102:2016) hoặc H21.123.45 (mã định danh điện tử); hỏi Sở Nội vụ hoặc Văn phòng UBND tỉnh nếu chưa biết.',
};

/** The steps after the welcome: each names the fields it checks with the hub before going on. */
const steps: { title: string; fields: readonly SetupField[] }[] = [
  { title: 'Tên đơn vị', fields: ['name', 'superiorBody'] },
  { title: 'Địa bàn', fields: ['province', 'commune', 'address'] },
  { title: 'Mã định danh cơ quan', fields: ['agencyCode'] },
  { title: 'Giờ làm việc', fields: [] },
  { title: 'Xác nhận', fields: [] },
];

const empty: Identity = { name: '', superiorBody: '', province: '', commune: '', address: '', agencyCode: '' };

/**
 * First start (or replacing the sample data): a few short steps, each checked by the hub field by
 * field before the next, then one call that sets the site up. Enter goes on, "Quay lại" goes back;
 * the step's title takes the focus so a screen reader announces where one is.
 */
export function SetupWizard(props: { mode: 'first' | 'replace'; onDone: () => void; onCancel?: () => void }) {
  const { client } = useHub();
  // -1: the welcome, with the choice of sample data (first start only).
  const [step, setStep] = useState(props.mode === 'first' ? -1 : 0);
  const [values, setValues] = useState<Identity>(empty);
  const [hours, setHours] = useState<WeeklyHours>(USUAL_HOURS);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [paper, setPaper] = useState<Paper | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [step]);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (e) {
      const fields = e instanceof HubError && typeof e.details === 'object' && e.details !== null && 'fields' in e.details ? (e.details.fields as Record<string, string>) : null;
      if (fields) setProblems(fields);
      setFailure(e instanceof HubError ? e.message : 'Chưa lưu được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const current = steps[step]!;
      if (step === steps.length - 2) {
        // Before the summary: the whole identity, for the letterhead the papers will print.
        const check = await client['setup.check'](values);
        setPaper(check.paper);
      } else if (step < steps.length - 1) {
        const check = await client['setup.check'](Object.fromEntries(current.fields.map((f) => [f, values[f]])));
        setProblems(check.problems);
        if (Object.keys(check.problems).length > 0) return;
      } else {
        await client['setup.complete']({ ...values, queueHours: hours });
        props.onDone();
        return;
      }
      setStep(step + 1);
    });
  };

  const field = (f: SetupField) => (
    <Field key={f} kind="text" className="span-2" label={labels[f]} value={values[f]} maxLength={f === 'agencyCode' ? 40 : 160} hint={hints[f]} error={problems[f]}
      onChange={(v) => setValues({ ...values, [f]: v })} />
  );

  if (step === -1) {
    return (
      <Frame titleRef={title} heading="Thiết lập đơn vị lần đầu" progress={null}>
        <p>Trước khi nhận số và tiếp nhận hồ sơ, hãy nhập thông tin của đơn vị: tên in trên giấy tờ, địa bàn, mã định danh cơ quan và giờ làm việc. Chỉ mất vài phút.</p>
        <div className="wizard-choices">
          <Button variant="primary" onClick={() => setStep(0)}>Thiết lập đơn vị</Button>
          <Button onClick={() => void run(async () => {
            await client['setup.sample']({});
            props.onDone();
          })}>Dùng thử với dữ liệu mẫu</Button>
        </div>
        <p className="field-hint">Dữ liệu mẫu dùng để làm quen: mọi giấy tờ in ra đều mang dòng “DỮ LIỆU MẪU” và không tiếp nhận được hồ sơ thật cho đến khi nhập thông tin thật của đơn vị.</p>
        {failure ? <Notice kind="error">{failure}</Notice> : null}
      </Frame>
    );
  }

  const current = steps[step]!;
  return (
    <Frame titleRef={title} heading={current.title} progress={`Bước ${step + 1}/${steps.length}`}>
      <form className="admin-form" aria-label={current.title} noValidate onSubmit={next}>
        {current.fields.length > 0 ? <div className="form-grid">{current.fields.map(field)}</div> : null}
        {current.title === 'Giờ làm việc' ? (
          <>
            <p className="section-intro">Kiosk cấp số trong các khung giờ này (giờ Việt Nam); hạn trả kết quả tính theo ngày làm việc. Sửa sau ở mục Giờ lấy số.</p>
            <HoursEditor label="Khung giờ làm việc trong tuần" value={hours} onChange={setHours} />
          </>
        ) : null}
        {current.title === 'Xác nhận' ? <Summary values={values} paper={paper} /> : null}
        <div className="admin-form-buttons">
          {step > 0 || props.onCancel ? (
            <Button onClick={() => (step > 0 ? setStep(step - 1) : props.onCancel?.())}>{step > 0 ? 'Quay lại' : 'Hủy'}</Button>
          ) : null}
          <Button variant="primary" type="submit" disabled={busy}>
            {step === steps.length - 1 ? 'Hoàn tất thiết lập' : 'Tiếp'}
          </Button>
        </div>
        {failure ? (
          <Notice kind="error">
            {failure}
            {current.title === 'Xác nhận' && Object.keys(problems).length > 0 ? (
              <ul>
                {Object.entries(problems).map(([f, m]) => (
                  <li key={f}>{labels[f as SetupField] ?? f}: {m}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </form>
    </Frame>
  );
}

function Frame(props: { titleRef: RefObject<HTMLHeadingElement | null>; heading: string; progress: string | null; children: ReactNode }) {
  return (
    <section className="setup-wizard" aria-labelledby="setup-title">
      {props.progress ? <p className="wizard-progress">{props.progress}</p> : null}
      <h2 id="setup-title" ref={props.titleRef} tabIndex={-1}>
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}

/** What will be saved, and the letterhead the hub derived from it, before the one call that saves. */
function Summary(props: { values: Identity; paper: Paper | null }) {
  return (
    <>
      <dl className="wizard-summary">
        {(Object.keys(labels) as SetupField[]).map((f) => (
          <div key={f}>
            <dt>{labels[f]}</dt>
            <dd>{props.values[f] || '—'}</dd>
          </div>
        ))}
      </dl>
      {props.paper ? (
        <div className="wizard-letterhead" aria-label="Tiêu đề giấy tờ sẽ in">
          {props.paper.headerLines.map((l, i) => (
            <p key={i} className={i === props.paper!.headerLines.length - 1 ? 'wizard-letterhead-unit' : undefined}>{l}</p>
          ))}
          <p className="wizard-dateline">{props.paper.placeName}, ngày … tháng … năm …</p>
        </div>
      ) : null}
    </>
  );
}
