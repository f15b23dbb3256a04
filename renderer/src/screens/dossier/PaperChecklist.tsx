import { isPaperShort, type RequiredDocument } from '../../../../contract/dossier';
import { Field } from '../admin/Field';
import { formLabels } from './texts';

/**
 * The procedure's papers as a checklist: ticking a paper takes the number the procedure asks
 * for, the count can be corrected; mandatory papers are marked. Used at intake and when the
 * missing papers arrive later.
 */
export function PaperChecklist(props: { documents: readonly RequiredDocument[]; counts: readonly number[]; onChange: (counts: number[]) => void; legend: string }) {
  const set = (i: number, n: number) => props.onChange(props.documents.map((_, j) => (j === i ? n : (props.counts[j] ?? 0))));
  return (
    <fieldset className="papers">
      <legend>{props.legend}</legend>
      <ol className="paper-list">
        {props.documents.map((doc, i) => {
          const have = props.counts[i] ?? 0;
          const short = isPaperShort(doc, have);
          return (
            <li key={i} className={`paper ${short ? 'paper-short' : ''}`}>
              <label className="paper-check">
                <input type="checkbox" checked={have >= doc.count} onChange={(e) => set(i, e.target.checked ? doc.count : 0)} />
                <span className="paper-name">
                  {doc.name}
                  <span className="paper-form">
                    {formLabels[doc.form]} · cần {doc.count}
                    {doc.mandatory ? <strong className="paper-mandatory"> · bắt buộc</strong> : ' · không bắt buộc'}
                  </span>
                </span>
              </label>
              <Field
                kind="number"
                className="paper-count"
                label={
                  <>
                    <span className="visually-hidden">{doc.name}: </span>Số lượng
                  </>
                }
                value={have}
                min={0}
                max={50}
                onChange={(n) => set(i, Math.max(0, Math.min(50, Math.trunc(n))))}
              />
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
