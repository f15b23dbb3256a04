import { useState, type ReactNode } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpOutput } from '../../../../contract/ops';
import type { Ticket } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { Notice } from '../../ui/Notice';
import { DossierPage } from '../dossier/DossierPage';
import { blankSearch, DossierSearch, type SearchState } from '../dossier/DossierSearch';
import { IntakeForm } from '../dossier/IntakeForm';
import { IntakeResult } from '../dossier/IntakeResult';
import { RegisterExport } from '../dossier/RegisterExport';
import { useIntake } from '../dossier/use-intake';
import { CounterDesk } from './CounterDesk';
import { CounterNav, type CounterTab } from './CounterNav';
import { ScanPanel, type Scan } from './ScanPanel';

type State = OpOutput<'counter.state'>;

const backLabels: Record<CounterTab, string> = { queue: 'Hàng chờ', intake: 'Tiếp nhận hồ sơ', search: 'Kết quả tìm kiếm', register: 'Sổ theo dõi' };

/**
 * The open counter: the queue desk, intake, dossier search and the register, switched with
 * Alt+1…Alt+4. The intake form and the search keep their contents while the officer looks
 * elsewhere; a scan fills the form (citizen ID) or opens the dossier (our receipt) from anywhere.
 */
export function CounterWorkspace(props: { state: State; reload: () => Promise<State | null> }) {
  const { client } = useHub();
  const [tab, setTab] = useState<CounterTab>('queue');
  const [dossier, setDossier] = useState<{ id: string; from: CounterTab } | null>(null);
  const [search, setSearch] = useState<SearchState>(blankSearch);
  const [scanError, setScanError] = useState<string | null>(null);
  const intake = useIntake();
  const current = props.state.current?.ticket ?? null;
  const atDesk = (t: Ticket | null) => (t && (t.status === 'called' || t.status === 'serving') ? { id: t.id, displayCode: t.displayCode } : null);

  const go = (next: CounterTab) => {
    setDossier(null);
    setScanError(null);
    setTab(next);
  };
  const open = (id: string) => setDossier({ id, from: tab });
  const takeScan = async (scan: Scan) => {
    setScanError(null);
    if (scan.kind === 'cccd') {
      intake.fillCitizen(scan.citizen);
      go('intake');
    } else if (scan.kind === 'receipt') {
      try {
        const d = await client['dossiers.byReceiptQr']({ code: scan.dossierCode, lookupCode: scan.lookupCode });
        setTab('search');
        setDossier({ id: d.id, from: 'search' });
      } catch (e) {
        setScanError(e instanceof HubError ? e.message : 'Không mở được hồ sơ của giấy tiếp nhận này.');
      }
    }
  };

  let view: ReactNode;
  if (dossier) view = <DossierPage key={dossier.id} dossierId={dossier.id} backLabel={backLabels[dossier.from]} onBack={() => setDossier(null)} />;
  else if (tab === 'intake')
    view = intake.state.outcome ? (
      <IntakeResult dossier={intake.state.outcome} onNew={() => intake.startNew(atDesk(current))} onOpen={open} />
    ) : (
      <IntakeForm key={intake.state.draft.requestId} intake={intake} />
    );
  else if (tab === 'search') view = <DossierSearch state={search} onChange={setSearch} onOpen={open} />;
  else if (tab === 'register') view = <RegisterExport />;
  else
    view = (
      <CounterDesk
        state={props.state}
        reload={props.reload}
        onIntake={(t) => {
          intake.forTicket({ id: t.id, displayCode: t.displayCode });
          go('intake');
        }}
      />
    );

  return (
    <>
      <CounterNav tab={dossier?.from ?? tab} onTab={go} />
      <ScanPanel onUse={(s) => void takeScan(s)} />
      {scanError ? <Notice kind="error">{scanError}</Notice> : null}
      {view}
    </>
  );
}
