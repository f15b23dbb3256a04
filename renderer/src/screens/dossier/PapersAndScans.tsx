import { useState } from 'react';
import type { Dossier } from '../../../../contract/dossier';
import type { OpInput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Field } from '../admin/Field';
import { FilePicker } from './FilePicker';
import { SCAN_UPLOAD, tooLargeMessage } from '../../../../contract/uploads';
import { fileToBase64, openInNewTab } from './files';
import { LocalProblem, problemOf } from '../../hub/problem';
import { formLabels, shortTime } from './texts';

type Mime = OpInput<'dossiers.attachScan'>['mime'];
const mimes: readonly Mime[] = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * The papers received, each with its scans (digitising at intake: same pages, same order), a
 * form to attach a scan to a paper, and a button to open each scan (opening is audited).
 */
export function PapersAndScans(props: { dossier: Dossier; reload: () => Promise<unknown> }) {
  const { client } = useHub();
  const d = props.dossier;
  const [file, setFile] = useState<File | null>(null);
  const [paper, setPaper] = useState(d.documents[0] ? String(d.documents[0].index) : '');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const paperName = (index: number | null) => (index === null ? 'Giấy tờ khác' : (d.documents.find((x) => x.index === index)?.name ?? `Giấy tờ ${index + 1}`));

  const attach = async () => {
    setBusy(true);
    try {
      if (!file) throw new LocalProblem('Hãy chọn tệp bản quét (PDF, JPG hoặc PNG).');
      const mime = mimes.find((m) => m === file.type);
      if (!mime) throw new LocalProblem('Chỉ nhận tệp PDF, JPG hoặc PNG.');
      // Said before a long upload, not after it.
      if (file.size > SCAN_UPLOAD.maxFileBytes) throw new LocalProblem(tooLargeMessage(SCAN_UPLOAD, file.size));
      const documentIndex = paper === '' ? null : Number(paper);
      const saved = await client['dossiers.attachScan']({ dossierId: d.id, documentIndex, fileName: file.name, mime, dataBase64: await fileToBase64(file) });
      setMessage({ kind: 'success', text: `Đã đính kèm ${saved.fileName} (${saved.pages} trang) vào "${paperName(documentIndex)}".` });
      setFile(null);
      await props.reload();
    } catch (e) {
      setMessage({ kind: 'error', text: problemOf(e, 'Không đính kèm được bản quét.').message });
    } finally {
      setBusy(false);
    }
  };
  const open = async (id: string) => {
    try {
      const f = await client['dossiers.openScan']({ fileId: id });
      if (!openInNewTab(f.dataBase64, f.mime)) setMessage({ kind: 'error', text: 'Trình duyệt chặn cửa sổ mới: hãy cho phép cửa sổ bật lên cho trang này.' });
    } catch (e) {
      setMessage({ kind: 'error', text: problemOf(e, 'Không mở được bản quét.').message });
    }
  };

  return (
    <section className="dossier-box" aria-labelledby="d-papers">
      <h2 id="d-papers">Giấy tờ đã nhận và bản quét</h2>
      <table className="dossier-table">
        <thead>
          <tr>
            <th scope="col">Giấy tờ</th>
            <th scope="col">Cần</th>
            <th scope="col">Đã nhận</th>
            <th scope="col">Bản quét</th>
          </tr>
        </thead>
        <tbody>
          {[...d.documents.map((x) => x.index), null].map((index) => {
            const doc = index === null ? null : d.documents.find((x) => x.index === index)!;
            const files = d.files.filter((f) => f.documentIndex === index);
            if (!doc && files.length === 0) return null;
            return (
              <tr key={index ?? 'other'} className={doc && doc.mandatory && doc.received < doc.count ? 'paper-short' : ''}>
                <td>
                  {doc ? doc.name : 'Giấy tờ khác'}
                  {doc ? (
                    <span className="paper-form">
                      {formLabels[doc.form]}
                      {doc.mandatory ? ' · bắt buộc' : ''}
                    </span>
                  ) : null}
                </td>
                <td>{doc?.count ?? ''}</td>
                <td>{doc?.received ?? ''}</td>
                <td>
                  {files.length === 0 ? <span className="muted">Chưa có</span> : null}
                  {files.map((f) =>
                    f.purged ? (
                      <span key={f.id} className="muted">
                        {f.fileName} (đã xóa theo thời hạn lưu)
                      </span>
                    ) : (
                      <Button key={f.id} variant="ghost" className="scan-open" onClick={() => void open(f.id)} aria-label={`Mở bản quét ${f.fileName}`} title={`${f.pages} trang, đính kèm lúc ${shortTime(f.createdAt)}`}>
                        {f.fileName} ({f.pages} tr.)
                      </Button>
                    ),
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="attach">
        <Field
          kind="select"
          label="Đính kèm bản quét cho"
          value={paper}
          options={[...d.documents.map((x) => ({ value: String(x.index), label: x.name })), { value: '', label: 'Giấy tờ khác' }]}
          onChange={setPaper}
        />
        <FilePicker label="Chọn tệp bản quét…" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" file={file} onChange={setFile} />
        <Button onClick={() => void attach()} disabled={busy}>
          Đính kèm
        </Button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
