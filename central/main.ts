import { lockFolder } from '../common/node/folder-lock';
import { createLogger } from '../common/node/logger';
import { ensureFirstAdmin } from './admin/accounts';
import { checkAdminToken, resolveAdminToken } from './admin/admin-token';
import { configFromEnv } from './config';
import { loggableError } from './db/db';
import { openDatabase } from './db/open';
import { ensureCurrentPartitions } from './db/partitions';
import { createCentral } from './server';

/** `npm run central`: the province's server, on PGlite by default or on PostgreSQL with DATABASE_URL. */
async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  checkAdminToken(config.adminToken); // before anything is opened or created
  // Two processes on one embedded database would corrupt it.
  const dataDir = config.dataDir;
  const release = dataDir ? lockFolder(dataDir, 'central.lock', (pid) => `Thư mục dữ liệu ${dataDir} đang được máy chủ tỉnh khác dùng (PID ${pid}).`) : () => undefined;
  // Files under the data folder (PGlite) or MOTCUA_CENTRAL_LOG_DIR; without either (PostgreSQL),
  // standard error, where the service manager (journald) keeps it.
  const log = await createLogger({ name: 'central', dir: config.logDir, level: 'info', echoToStderr: true });
  const db = await openDatabase(config.db, log);
  const admin = await resolveAdminToken(db, config.adminToken);
  const firstPassword = await ensureFirstAdmin(db, config.firstAdmin);
  const central = createCentral({
    db,
    admin,
    log,
    // PGlite runs in this process and one transaction at a time: every push admitted beyond two
    // only queues inside it, and a site's status request waits behind the whole queue
    // (npm run bench -- central-flood).
    limits: { maxConnections: config.maxConnections, ...(config.db.kind === 'pglite' ? { maxPushes: 2, maxPushesPerSite: 1 } : {}) },
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    // Test builds only: die like a power cut, leaving the transaction for PostgreSQL to roll back.
    crash: config.faults ? () => process.kill(process.pid, 'SIGKILL') : undefined,
  });
  const url = await central.listen(config.port, config.host);

  // Next month's partition exists well before the month starts.
  const upkeep = setInterval(() => {
    ensureCurrentPartitions(db).catch((e: unknown) => log.error({ err: loggableError(e) }, 'could not create the events partitions ahead'));
  }, 3_600_000);
  upkeep.unref();

  console.log(config.db.kind === 'postgres' ? 'Cơ sở dữ liệu: PostgreSQL (DATABASE_URL)' : `Cơ sở dữ liệu: PGlite tại ${config.db.dataDir}`);
  console.log(config.logDir ? `Nhật ký: ${config.logDir}` : 'Nhật ký: đầu ra lỗi chuẩn (stderr)');
  log.info({ engine: config.db.kind, url }, 'central started');
  if (config.faults) console.log('CẢNH BÁO: điểm gây lỗi cho kiểm thử đang bật (MOTCUA_CENTRAL_FAULTS=1).');
  if (admin.generated) console.log(`Mã quản trị (CENTRAL_ADMIN_TOKEN), chỉ hiện lần này: ${admin.generated}`);
  if (firstPassword) console.log(`Tài khoản quản trị tỉnh "${config.firstAdmin}", mật khẩu chỉ hiện lần này (đổi ngay sau khi đăng nhập): ${firstPassword}`);
  // Last, so whoever waits for this line (test/support/central-process.ts) has read the rest.
  console.log(`Máy chủ tỉnh Một Cửa đang chạy: ${url}/`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(upkeep);
    await central.close();
    await db.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error('Máy chủ tỉnh không khởi động được:', e instanceof Error ? e.message : e);
  process.exit(1);
});
