import { useState } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpInput, OpOutput } from '../../../../contract/ops';
import type { Printer } from '../../../../contract/printing';
import { printerStateLabels } from '../../../../contract/status-texts';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useSite } from './admin-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { MasterDetail, useSelection } from './MasterDetail';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

type Draft = OpInput<'admin.savePrinter'>;
type Live = OpOutput<'printers.list'>[number];

const names = { name: 'Tên máy in', role: 'Dùng để in', address: 'Địa chỉ / cổng máy in', paper: 'Khổ giấy', model: 'Loại máy', textMode: 'Cách in chữ tiếng Việt', deviceId: 'Kiosk dùng máy in này', counterId: 'Quầy đặt máy in này' };

/** Section "Máy in": printers with live status, a test print, the layout preview, the ticket footer. */
export function PrintersSection() {
  const { client, changes } = useHub();
  const live = useData(() => client['printers.list']({}), ['printers'], changes);
  const selection = useSelection();
  if (!live.data) return <Loading error={live.error} />;
  const printers = live.data.map((l) => l.printer);
  const current = selection.current(printers);
  const blank: Draft = { name: '', role: 'ticket', address: 'tcp://192.168.1.50:9100', paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true };
  const status = (p: Printer) => live.data!.find((l) => l.printer.id === p.id)!;
  return (
    <>
      <MasterDetail
        label="Danh sách máy in"
        items={printers}
        editing={current?.id ?? null}
        onPick={selection.pick}
        newLabel="Thêm máy in"
        title={(p) => p.name}
        detail={(p) => `${printerStateLabels[status(p).state]}${status(p).held > 0 ? ` · ${status(p).held} lệnh in đang giữ` : ''}`}
        inactive={(p) => !p.active}
      >
        <>
          {current ? <PrinterStatus live={status(current)} /> : null}
          <PrinterForm key={selection.sel.key} source={current ?? blank} onSaved={(p) => selection.adopt(p.id)} />
        </>
      </MasterDetail>
      <PrintingTexts />
      <LayoutPreview />
    </>
  );
}

function PrinterStatus(props: { live: Live }) {
  const { client } = useHub();
  const [message, setMessage] = useState<string | null>(null);
  const { live } = props;
  return (
    <div className="printer-status" aria-live="polite">
      <p>
        <strong>Trạng thái: {printerStateLabels[live.state]}</strong>
        {live.message ? ` — ${live.message}` : ''}
        {live.queued + live.held > 0 ? ` · ${live.queued} chờ in, ${live.held} đang giữ` : ''}
      </p>
      <Button
        onClick={async () => {
          try {
            await client['print.test']({ printerId: live.printer.id });
            setMessage('Đã gửi trang in thử.');
          } catch (e) {
            setMessage(e instanceof HubError ? e.message : 'Không gửi được trang in thử.');
          }
        }}
      >
        In thử
      </Button>
      {message ? <Notice kind="info">{message}</Notice> : null}
    </div>
  );
}

function PrinterForm(props: { source: Draft; onSaved: (p: Printer) => void }) {
  const { client, changes } = useHub();
  const devices = useData(() => client['devices.list']({}), ['devices'], changes);
  const catalog = useData(() => client['catalog.get']({}), ['catalog'], changes);
  const draft = useDraft(props.source);
  const v = draft.value;
  const set = draft.update;
  const kiosks = (devices.data ?? []).filter((d) => d.kind === 'kiosk' && d.revokedAt === null);
  return (
    <SaveForm
      label={v.id ? 'Sửa máy in' : 'Máy in mới'}
      dirty={draft.dirty}
      describe={fieldNames(names)}
      save={async () => {
        const saved = await client['admin.savePrinter'](v);
        draft.saved(saved);
        props.onSaved(saved);
      }}
    >
      <h3 className="detail-title">{v.id ? `Sửa: ${props.source.name || v.name}` : 'Máy in mới'}</h3>
      <div className="form-grid">
        <Field kind="text" label={names.name} value={v.name} maxLength={80} onChange={(name) => set({ name })} />
        <Field<Draft['role']>
          kind="select"
          label={names.role}
          value={v.role}
          onChange={(role) => set({ role })}
          options={[
            { value: 'ticket', label: 'Phiếu số thứ tự (kiosk)' },
            { value: 'receipt', label: 'Phiếu tiếp nhận 80 mm (quầy)' },
            { value: 'a4', label: 'Giấy A4 (máy in của hệ điều hành)' },
          ]}
        />
        <Field
          kind="text"
          label={names.address}
          value={v.address}
          maxLength={300}
          onChange={(address) => set({ address })}
          hint="Máy in mạng: tcp://192.168.1.50:9100 · cổng COM: serial:COM3?baud=115200&flow=rtscts hoặc serial:/dev/ttyUSB0?baud=9600 · USB: /dev/usb/lp0 · máy in A4: os:Tên máy in"
        />
        <Field<Draft['paper']> kind="select" label={names.paper} value={v.paper} onChange={(paper) => set({ paper })} options={[{ value: '80mm', label: '80 mm' }, { value: '58mm', label: '58 mm' }]} />
        <Field<Draft['model']> kind="select" label={names.model} value={v.model} onChange={(model) => set({ model })} options={[{ value: 'generic', label: 'Thông dụng (576 điểm)' }, { value: 'tm-t88', label: 'Epson TM-T88 (512 điểm)' }]} />
        <Field<Draft['textMode']>
          kind="select"
          label={names.textMode}
          value={v.textMode}
          onChange={(textMode) => set({ textMode })}
          options={[{ value: 'raster', label: 'In dạng ảnh (mọi máy in — khuyên dùng)' }, { value: 'epson-tcvn3', label: 'Chữ TCVN-3 (chỉ máy Epson chính hãng)' }]}
        />
        {v.role === 'ticket' ? (
          <Field
            kind="select"
            label={names.deviceId}
            value={v.deviceId ?? ''}
            onChange={(d) => set({ deviceId: d === '' ? null : d })}
            options={[{ value: '', label: 'Dùng chung cho mọi kiosk chưa có máy in riêng' }, ...kiosks.map((k) => ({ value: k.id, label: k.name }))]}
          />
        ) : null}
        {v.role === 'receipt' ? (
          <Field
            kind="select"
            label={names.counterId}
            value={v.counterId ?? ''}
            onChange={(c) => set({ counterId: c === '' ? null : c })}
            options={[{ value: '', label: 'Dùng chung cho mọi quầy chưa có máy in riêng' }, ...(catalog.data?.counters ?? []).map((c) => ({ value: c.id, label: c.label }))]}
          />
        ) : null}
        <Field kind="checkbox" label="Có dao cắt giấy" value={v.cut} onChange={(cut) => set({ cut })} />
        <Field kind="checkbox" label="Kêu bíp khi in xong" value={v.beep} onChange={(beep) => set({ beep })} />
        <Field kind="checkbox" label="Đang dùng" value={v.active} onChange={(active) => set({ active })} />
      </div>
    </SaveForm>
  );
}

/** Footer printed on every ticket, and the addresses behind the tickets' and receipts' QR codes. */
function PrintingTexts() {
  const { client } = useHub();
  const site = useSite();
  const draft = useDraft(site.data?.printing ?? { ticketFooter: '', lookupBaseUrl: null, provinceLookupUrl: null });
  if (!site.data) return null;
  const v = draft.value;
  return (
    <SaveForm
      label="Nội dung in trên phiếu"
      dirty={draft.dirty}
      describe={fieldNames({ 'printing.ticketFooter': 'Dòng cuối phiếu', 'printing.lookupBaseUrl': 'Địa chỉ tra cứu', 'printing.provinceLookupUrl': 'Địa chỉ tra cứu hồ sơ của tỉnh' })}
      save={async () => {
        const saved = await client['site.update']({ printing: v });
        draft.saved(saved.printing);
      }}
    >
      <h3 className="detail-title">Nội dung in trên phiếu</h3>
      <div className="form-grid">
        <Field kind="textarea" label="Dòng cuối phiếu" value={v.ticketFooter} maxLength={200} onChange={(ticketFooter) => draft.update({ ticketFooter })} />
        <Field
          kind="text"
          label="Địa chỉ tra cứu (mã QR trên phiếu)"
          value={v.lookupBaseUrl ?? ''}
          maxLength={200}
          placeholder="http://192.168.1.10:8686"
          onChange={(url) => draft.update({ lookupBaseUrl: url.trim() === '' ? null : url.trim() })}
          hint="Để trống: mã QR chỉ chứa mã phiếu để quét tại quầy."
        />
        <Field
          kind="text"
          label="Địa chỉ tra cứu hồ sơ của tỉnh (mã QR trên giấy tiếp nhận)"
          value={v.provinceLookupUrl ?? ''}
          maxLength={200}
          placeholder="https://motcua.gialai.gov.vn"
          onChange={(url) => draft.update({ provinceLookupUrl: url.trim() === '' ? null : url.trim() })}
          hint="Địa chỉ công khai tỉnh cấp: công dân tra cứu hồ sơ từ bất cứ đâu, cả khi mạng của xã bị ngắt. Để trống: dùng địa chỉ tra cứu ở trên."
        />
      </div>
    </SaveForm>
  );
}

/** The layouts as a printer would print them: the same rendering that produces the bytes. */
function LayoutPreview() {
  const { client } = useHub();
  const [layout, setLayout] = useState<'ticket' | 'receipt' | 'test'>('ticket');
  const [paper, setPaper] = useState<'80mm' | '58mm'>('80mm');
  const [png, setPng] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    try {
      const r = await client['print.preview']({ layout, paper, model: 'generic', textMode: 'raster' });
      setPng(r.pngBase64);
      setError(null);
    } catch (e) {
      setError(e instanceof HubError ? e.message : 'Không tạo được bản xem trước.');
    }
  };
  return (
    <section className="layout-preview" aria-label="Xem trước mẫu phiếu">
      <h3 className="detail-title">Xem trước mẫu phiếu</h3>
      <div className="form-grid">
        <Field<'ticket' | 'receipt' | 'test'> kind="select" label="Mẫu" value={layout} onChange={setLayout} options={[{ value: 'ticket', label: 'Phiếu số thứ tự' }, { value: 'receipt', label: 'Phiếu tiếp nhận hồ sơ' }, { value: 'test', label: 'Trang in thử' }]} />
        <Field<'80mm' | '58mm'> kind="select" label="Khổ giấy" value={paper} onChange={setPaper} options={[{ value: '80mm', label: '80 mm' }, { value: '58mm', label: '58 mm' }]} />
      </div>
      <Button onClick={() => void show()}>Xem trước</Button>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {png ? <img className="preview-img" src={`data:image/png;base64,${png}`} alt={`Bản xem trước ${layout === 'ticket' ? 'phiếu số thứ tự' : layout === 'receipt' ? 'phiếu tiếp nhận' : 'trang in thử'}`} /> : null}
    </section>
  );
}
