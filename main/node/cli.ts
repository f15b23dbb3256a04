import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './data-dir';
import { findAppRoot, lanAddresses, portFromEnv, spoolerOptionsFromEnv, syncOptionsFromEnv } from './hub-env';
import { startHub } from './start-hub';
import { createLogger } from '../../common/node/logger';
import { installLastResort } from './last-resort';
import { runRestoreCommand } from './backup/restore-cli';
import { RESTART_EXIT_CODE } from './restart-code';

/**
 * `cli restore <id>`: restores a backup set while no hub runs (`npm run restore -- <id>`).
 * Otherwise the headless hub: what `npm start` runs where no Electron runtime is installed, and what a small
 * server PC at a provincial centre runs as a service. Every screen is then opened from a browser.
 */
async function main(): Promise<void> {
  if (process.argv[2] === 'restore') {
    process.exitCode = await runRestoreCommand(process.argv.slice(3), resolve(defaultDataDir()), (line) => console.log(line));
    return;
  }
  const root = findAppRoot(dirname(fileURLToPath(import.meta.url)));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = resolve(defaultDataDir());
  const rendererDir = join(root, 'dist', 'renderer');
  const host = process.env.MOTCUA_HOST ?? '0.0.0.0';
  const log = await createLogger({ name: 'hub', dir: join(dataDir, 'logs'), echoToStderr: true });
  installLastResort(log, () => process.exit(70));
  const running = await startHub({
    log,
    dataDir,
    port: portFromEnv(process.env),
    host,
    rendererDir: existsSync(join(rendererDir, 'index.html')) ? rendererDir : null,
    voiceDir: join(root, 'resources', 'voice'),
    version,
    spooler: spoolerOptionsFromEnv(process.env),
    sync: syncOptionsFromEnv(process.env),
    // A restore from the admin screen: the supervisor starts the hub again at once, on the copy.
    onRestartRequested: () => {
      console.log('Đang khởi động lại hub để khôi phục bản sao lưu…');
      void running.close().then(() => process.exit(RESTART_EXIT_CODE));
    },
  });
  // Before the addresses are printed: whoever reads them (a supervisor, a test) may stop the hub at once.
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const port = running.lan.port;
  // The LAN addresses only when the hub listens on them (a hub bound to one address shows that one).
  const hosts = host === '0.0.0.0' ? ['127.0.0.1', ...lanAddresses()] : [host];
  const lines = [
    `Một Cửa ${version} — hub đang chạy (không có Electron: chế độ máy chủ, mở các màn hình bằng trình duyệt)`,
    `Thư mục dữ liệu: ${dataDir} (nhật ký: ${join(dataDir, 'logs')})`,
    ...(running.migration.from !== running.migration.to
      ? [`Cơ sở dữ liệu: phiên bản ${running.migration.from} → ${running.migration.to}${running.migration.backupPath ? ` (bản sao: ${running.migration.backupPath})` : ''}`]
      : []),
    '',
    ...hosts.flatMap((h) => [
      `  Quầy (counter):        http://${h}:${port}/counter`,
      `  Kiosk lấy số:          http://${h}:${port}/kiosk`,
      `  Màn hình chờ (TV):     http://${h}:${port}/display`,
      `  Đánh giá (rating):     http://${h}:${port}/rating`,
      `  Giám sát, báo cáo:     http://${h}:${port}/supervisor`,
      `  Quản trị (admin):      http://${h}:${port}/admin`,
      `  API (OpenAPI):         http://${h}:${port}/api/openapi.json`,
      '',
    ]),
  ];
  if (running.firstAdmin) {
    lines.push(
      '================================================================',
      ' LẦN CHẠY ĐẦU TIÊN — hãy mở trang Quản trị để thiết lập đơn vị',
      ' (hoặc chọn "Dùng thử với dữ liệu mẫu").',
      ` Tài khoản quản trị: ${running.firstAdmin.username}`,
      ` Mật khẩu dùng một lần: ${running.firstAdmin.password}`,
      ' Mật khẩu này chỉ hiện MỘT lần và phải đổi ở lần đăng nhập đầu tiên.',
      '================================================================',
    );
  }
  console.log(lines.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
