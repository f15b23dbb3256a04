import { Worker } from 'node:worker_threads';
import { HubError } from '../../../contract/errors';
import type { Logger } from '../../../common/node/logger';
import type { ReportJobs, ReportKind } from './report-jobs';
import type { ReaderReply, ReaderRequest, ReaderSetup } from './report-messages';

/**
 * The thread the period reports run in: bundled next to the hub (scripts/build.mjs), or from the
 * sources through tsx when the hub itself runs from them (this module is then a .ts file).
 */
const workerUrl = (): URL => new URL(import.meta.url.endsWith('.ts') ? './report-worker-dev.mjs' : './report-worker.mjs', import.meta.url);

interface Pending {
  readonly resolve: (report: ReportJobs[ReportKind]['report']) => void;
  readonly reject: (e: Error) => void;
}

/**
 * Runs the period reports (report-jobs.ts) in a worker thread with its own read-only connection to
 * the hub's database: a year's report takes the thread for a while, the hub's event loop goes on
 * issuing tickets. Jobs run one after another in the thread. The thread starts with the first
 * report asked for; one that dies fails the reports it was running and the next report starts a
 * new one.
 */
export class ReportReader {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly o: { readonly file: string; readonly nativeBinding: string | null; readonly log: Logger }) {}

  run<K extends ReportKind>(kind: K, job: ReportJobs[K]['job']): Promise<ReportJobs[K]['report']> {
    if (this.closed) return Promise.reject(new HubError('REPORT_FAILED', 'Máy chủ Một Cửa đang dừng nên chưa lập được báo cáo. Vui lòng thử lại sau khi máy chủ chạy lại.'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      worker.postMessage({ id, kind, job } satisfies ReaderRequest<K>);
    });
  }

  /** Stops the thread; reports still running fail (the hub is stopping, nobody waits for them). */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll('Máy chủ Một Cửa đang dừng nên báo cáo chưa lập xong. Vui lòng thử lại sau khi máy chủ chạy lại.', { reason: 'hub stopping' });
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const setup: ReaderSetup = { file: this.o.file, nativeBinding: this.o.nativeBinding };
    const worker = new Worker(workerUrl(), { workerData: setup });
    // A report thread must not keep a stopping hub alive.
    worker.unref();
    worker.on('message', (reply: ReaderReply) => this.settle(reply));
    worker.on('error', (err) => {
      this.o.log.error({ err }, 'report reader thread failed; the next report starts a new one');
      this.failAll(undefined, { reason: 'thread failed', message: err.message });
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      if (this.pending.size > 0) {
        this.o.log.error({ exitCode: code }, 'report reader thread stopped with reports running');
        this.failAll(undefined, { reason: 'thread stopped', exitCode: code });
      }
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: ReaderReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) {
      p.resolve(reply.report);
      return;
    }
    this.o.log.error({ err: reply.error }, 'report failed');
    p.reject(new HubError('REPORT_FAILED', undefined, { sqlite: reply.error.code }));
  }

  private failAll(message: string | undefined, details: Record<string, unknown>): void {
    for (const p of this.pending.values()) p.reject(new HubError('REPORT_FAILED', message, details));
    this.pending.clear();
  }
}
