// npm run printer:emulate [-- --port 9100 --paper 80 --mode ok --out printer-out]
// An ESC/POS network printer on this machine: shows each ticket as text here and saves
// it as a PNG. Type a mode and Enter to change it: ok, refuse, stall, no_status, paper_out,
// paper_low, cover_open. Point the hall at it with PRINTER=tcp://127.0.0.1:9100.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PrinterEmulator, type EmulatorMode } from '../server/printer/emulator.ts';
import { COLUMNS } from '../server/printer/layout.ts';
import { jobPng } from '../server/printer/render.ts';

const MODES: EmulatorMode[] = ['ok', 'refuse', 'stall', 'paper_out', 'paper_low', 'cover_open', 'no_status'];
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const port = Number(args.get('port') ?? 9100);
const paper = args.get('paper') === '58' ? 58 : 80;
const mode = (args.get('mode') ?? 'ok') as EmulatorMode;
const out = path.resolve(args.get('out') ?? 'printer-out');
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, got ${args.get('port')}`);
if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`);
mkdirSync(out, { recursive: true });

const emu = new PrinterEmulator({ mode });
let count = 0;
emu.onJob((job) => {
  count++;
  const cols = COLUMNS[paper];
  console.log(`\n┌${'─'.repeat(cols)}┐  #${count} (${job.bytes} bytes${job.cut ? ', cut' : ''})`);
  for (const item of job.items) {
    if (item.kind === 'qr') console.log(`  [二维码 QR] ${item.data}`);
    else if (item.kind === 'text') console.log(`  ${item.size > 1 ? `[×${item.size}] ` : ''}${item.text}`);
  }
  console.log(`└${'─'.repeat(cols)}┘`);
  const file = path.join(out, `ticket-${String(count).padStart(4, '0')}.png`);
  jobPng(job, cols).then(
    (png) => {
      writeFileSync(file, png);
      console.log(`  saved ${file}`);
    },
    (e: Error) => console.error(`  PNG failed: ${e.message}`),
  );
});

await emu.start(port, '0.0.0.0');
console.log(`ESC/POS printer emulator on tcp://0.0.0.0:${port} (${paper} mm), mode ${emu.mode}. PNGs in ${out}`);
console.log(`Run the hall with PRINTER=tcp://127.0.0.1:${port}. Type a mode + Enter: ${MODES.join(' | ')}`);
createInterface({ input: process.stdin }).on('line', (line) => {
  const m = line.trim() as EmulatorMode;
  if (!m) return;
  if (!MODES.includes(m)) return console.log(`unknown mode "${m}"; one of ${MODES.join(', ')}`);
  void emu.setMode(m).then(() => console.log(`mode: ${m}`));
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void emu.stop().then(() => process.exit(0)));
