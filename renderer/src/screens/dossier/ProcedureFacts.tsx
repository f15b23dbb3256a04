import type { ProcedureVersion } from '../../../../contract/dossier';
import { processingLabel, vnd } from './texts';

/** What the officer tells the applicant about the chosen procedure. */
export function ProcedureFacts(props: { procedure: ProcedureVersion }) {
  const p = props.procedure;
  return (
    <div className="procedure-facts" data-testid="procedure-facts">
      <p className="procedure-name">
        {p.name}
        {p.source === 'sample' ? <span className="badge badge-warning">mẫu</span> : null}
      </p>
      <dl className="facts">
        <div>
          <dt>Mã thủ tục</dt>
          <dd>
            {p.code} (phiên bản {p.version})
          </dd>
        </div>
        <div>
          <dt>Lĩnh vực</dt>
          <dd>{p.field || '—'}</dd>
        </div>
        <div>
          <dt>Cơ quan giải quyết</dt>
          <dd>{p.authority || '—'}</dd>
        </div>
        <div>
          <dt>Thời hạn giải quyết</dt>
          <dd>{processingLabel(p.processing)}</dd>
        </div>
        <div className="facts-wide">
          <dt>Phí, lệ phí</dt>
          <dd>{p.fees.length === 0 ? 'Không thu' : p.fees.map((f) => `${f.name}: ${vnd(f.amount)}`).join('; ')}</dd>
        </div>
      </dl>
    </div>
  );
}
