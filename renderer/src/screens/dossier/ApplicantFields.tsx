import { Field } from '../admin/Field';
import { DateField } from './DateField';
import type { IntakeDraft } from './intake-draft';

type Applicant = Pick<IntakeDraft, 'kind' | 'fullName' | 'idNumber' | 'dateOfBirth' | 'representative' | 'address' | 'phone' | 'email' | 'fromCccd'>;

/**
 * Who hands the dossier in: a person (from a CCCD scan or typed) or an organisation. `errors` holds
 * the hub's word on a field by its name in the input (`dateOfBirth`), shown beside that field.
 */
export function ApplicantFields(props: { value: Applicant; onChange: (patch: Partial<Applicant>) => void; errors?: Partial<Record<keyof Applicant, string>> }) {
  const v = props.value;
  const set = props.onChange;
  const err = (k: keyof Applicant) => (props.errors?.[k] ? { error: props.errors[k] } : {});
  const person = v.kind === 'person';
  return (
    <fieldset className="intake-box applicant">
      <legend>Người nộp hồ sơ</legend>
      {v.fromCccd ? <p className="cccd-note">Đã điền từ thẻ căn cước vừa quét — hãy đối chiếu với giấy tờ.</p> : null}
      <div className="intake-grid">
        <Field<Applicant['kind']>
          kind="select"
          className="span-2"
          label="Loại người nộp"
          value={v.kind}
          options={[
            { value: 'person', label: 'Cá nhân' },
            { value: 'organisation', label: 'Tổ chức, doanh nghiệp' },
          ]}
          onChange={(kind) => set({ kind })}
        />
        <Field kind="text" className="span-2" label={person ? 'Họ và tên' : 'Tên tổ chức'} value={v.fullName} {...err('fullName')} maxLength={person ? 120 : 200} onChange={(fullName) => set({ fullName })} />
        <Field
          kind="text"
          label={person ? 'Số định danh cá nhân' : 'Mã số doanh nghiệp / thuế'}
          value={v.idNumber}
          {...err('idNumber')}
          maxLength={20}
          inputMode={person ? 'numeric' : 'text'}
          onChange={(idNumber) => set({ idNumber })}
        />
        {person ? (
          <DateField label="Ngày sinh" value={v.dateOfBirth} {...err('dateOfBirth')} onChange={(dateOfBirth) => set({ dateOfBirth })} />
        ) : (
          <Field kind="text" label="Người đại diện" value={v.representative} {...err('representative')} maxLength={120} onChange={(representative) => set({ representative })} />
        )}
        <Field kind="text" className="span-2" label="Địa chỉ" value={v.address} {...err('address')} maxLength={300} onChange={(address) => set({ address })} />
        <Field kind="text" label="Số điện thoại" value={v.phone} {...err('phone')} maxLength={20} inputMode="numeric" onChange={(phone) => set({ phone })} />
        <Field kind="text" label="Email" value={v.email} {...err('email')} maxLength={120} onChange={(email) => set({ email })} />
      </div>
    </fieldset>
  );
}
