import { useState } from 'react';
import { useHub } from '../../hub/session';
import { problemOf } from '../../hub/problem';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { download } from '../dossier/files';

/**
 * The admin's "send one file that explains it": the hub builds the bundle (`admin.diagnostics`),
 * the browser saves it. What is in it and what is not is said before the click.
 */
export function DiagnosticsExport() {
  const { client } = useHub();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'success' | 'error'; text: string }>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'running' });
    try {
      const file = await client['admin.diagnostics']({});
      download(file.dataBase64, file.mime, file.fileName);
      setState({ kind: 'success', text: `Đã tải về ${file.fileName}. Gửi tệp này cho bộ phận kỹ thuật kèm mô tả sự cố.` });
    } catch (e) {
      setState({ kind: 'error', text: problemOf(e, 'Không lập được gói chẩn đoán.').message });
    }
  };
  return (
    <section className="about-export" aria-labelledby="about-export-title">
      <h3 id="about-export-title">Gói chẩn đoán khi có sự cố</h3>
      <p>
        Một tệp .zip gồm bản tóm tắt tình trạng máy chủ, máy in, đồng bộ, cập nhật và các dòng nhật ký gần nhất. Gói không chứa mật khẩu, mã xác thực, mã PIN hay thông tin
        cá nhân của công dân. Mỗi lần tải được ghi vào nhật ký thao tác.
      </p>
      <Button variant="primary" disabled={state.kind === 'running'} onClick={() => void run()}>
        {state.kind === 'running' ? 'Đang lập gói…' : 'Tải gói chẩn đoán'}
      </Button>
      {state.kind === 'success' || state.kind === 'error' ? (
<Notice kind={state.kind}>{state.text}</Notice>
      ) : null}
    </section>
  );
}
