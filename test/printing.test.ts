// Real tickets printed through node-thermal-printer over TCP to the emulator, and a
// printer that refuses, stalls or runs out of paper never delays or loses a ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterEmulator } from '../server/printer/emulator.ts';
import { fault } from '../server/printer/escpos.ts';
import { ManualClock } from './clock.ts';
import { eventually, nextEvent, startHall, type Harness } from './harness.ts';

let emu: PrinterEmulator;
let h: Harness;
/** The printer's backoff and rechecks run on the hall's clock: the tests move it. */
const clock = new ManualClock();
beforeAll(async () => {
  emu = new PrinterEmulator();
  await emu.start();
  h = await startHall({ printerUri: emu.uri, printTimeoutMs: 400, clock: clock.now, timers: clock });
});
afterAll(async () => {
  await h.close();
  await emu.stop();
});

const nextJob = () => new Promise<(typeof emu.jobs)[number]>((resolve) => emu.onJob(resolve));

describe('printing to an ESC/POS printer', () => {
  it('prints the ticket as taken: text, QR to the status page, cut', async () => {
    const job = nextJob();
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'housing', priority: true })).body;
    expect(t.print).toBe('pending');
    const printed = await job;
    expect(printed.text).toEqual(expect.arrayContaining(['青山镇为民服务中心', '建房审批', t.number, '【优先号】', '前面还有 0 人', '办理窗口：6号窗口', '1. 身份证及户口簿']));
    expect(printed.text).toContain(`取号时间：${t.takenAt.slice(0, 10)} ${t.takenAt.slice(11, 16)}`);
    expect(printed.qr).toEqual([t.statusUrl]);
    expect(printed.cut).toBe(true);
    const sup = await h.signIn('supervisor');
    await expect.poll(async () => (await h.request('GET', '/api/printer', undefined, sup)).body).toMatchObject({ configured: true, state: 'ok', paper: 'ok', printedToday: 1 });
  });

  it('tells the kiosk the print finished, even when it asks late', async () => {
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'civil' })).body;
    await expect.poll(() => emu.jobs.some((j) => j.text.includes(t.number))).toBe(true);
    const s = await h.socket({ role: 'display' });
    const ack = await new Promise((r) => s.emit('ticket:watch', t.id, r));
    expect(ack).toEqual({ ok: true });
    expect(await eventually(s, 'ticket:printed')).toMatchObject({ ticketId: t.id, ok: true });
  });

  it('reprints with 补打 on the paper', async () => {
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'civil' })).body;
    const clerk = await h.signIn('clerk2', '2');
    await expect.poll(() => emu.jobs.some((j) => j.text.includes(t.number))).toBe(true);
    const job = nextJob();
    const r = await h.request('POST', `/api/tickets/${t.id}/reprint`, undefined, clerk);
    expect(r.status).toBe(200);
    expect((await job).text).toEqual(expect.arrayContaining(['【补打】', t.number]));
    expect((await h.request('POST', '/api/tickets/nope/reprint', undefined, clerk)).status).toBe(404);
    expect((await h.request('POST', `/api/tickets/${t.id}/reprint`)).status).toBe(401);
  });

  it('prints on a printer that never answers status, and shows its paper as unknown', async () => {
    await emu.setMode('no_status');
    try {
      const job = nextJob();
      const s = await h.socket({ role: 'display' });
      const r = await h.request('POST', '/api/tickets', { serviceId: 'civil' });
      await new Promise((res) => s.emit('ticket:watch', r.body.id, res));
      expect((await job).text).toContain(r.body.number);
      expect(await eventually(s, 'ticket:printed', (p) => p.ticketId === r.body.id)).toMatchObject({ ok: true, unconfirmed: true });
      const sup = await h.signIn('supervisor');
      expect((await h.request('GET', '/api/printer', undefined, sup)).body).toMatchObject({ state: 'ok', paper: 'unknown' });
    } finally {
      await emu.setMode('ok');
    }
  });

  it('cannot tell a stalled printer from one that never answers status: it says the print is unconfirmed', async () => {
    await emu.setMode('stall');
    try {
      const s = await h.socket({ role: 'display' });
      const r = await h.request('POST', '/api/tickets', { serviceId: 'forestry' });
      expect(r.status).toBe(201);
      await new Promise((res) => s.emit('ticket:watch', r.body.id, res));
      expect(await eventually(s, 'ticket:printed', (p) => p.ticketId === r.body.id)).toMatchObject({ ok: true, unconfirmed: true, message: expect.stringContaining('无法确认') });
    } finally {
      await emu.setMode('ok');
    }
  });

  for (const mode of ['refuse', 'paper_out', 'cover_open'] as const) {
    it(`still issues the ticket when the printer is ${mode}, and says so`, async () => {
      await emu.setMode(mode);
      try {
        const s = await h.socket({ role: 'display' });
        const health = eventually(s, 'printer:status', (p) => p.state === 'fault');
        const before = emu.jobs.length;
        const r = await h.request('POST', '/api/tickets', { serviceId: 'forestry' });
        expect(r.status).toBe(201);
        expect(r.body.print).toBe('pending');
        expect((await h.request('GET', `/api/tickets/${r.body.id}`)).body.number).toBe(r.body.number);
        await new Promise((res) => s.emit('ticket:watch', r.body.id, res));
        const result = await eventually(s, 'ticket:printed', (p) => p.ticketId === r.body.id);
        expect(result.ok).toBe(false);
        expect(result.message).toBe({ refuse: '打印机拒绝连接（可能未开机或端口不对）', paper_out: '打印机缺纸', cover_open: '打印机纸仓盖未关好' }[mode]);
        expect((await health).lastError).toMatch(/打印机/);
        expect(emu.jobs.length).toBe(before);
        const sup = await h.signIn('supervisor');
        if (mode === 'paper_out') expect((await h.request('GET', '/api/printer', undefined, sup)).body.paper).toBe('out');
        const reprint = await h.request('POST', `/api/tickets/${r.body.id}/reprint`, undefined, sup);
        expect(reprint.status).toBe(503);
        expect(reprint.body.error.code).toBe('printer_fault');
      } finally {
        await emu.setMode('ok');
      }
    });
  }

  it('holds off a printer that stopped answering for 5 s, then tries it again', async () => {
    // A printer switched off on the LAN: every network step runs into its timeout.
    const lost = new ManualClock();
    let dead = true;
    let prints = 0;
    const connect = () => ({
      name: 'tcp://192.0.2.9:9100',
      status: async () => Promise.reject(fault('timeout')),
      print: async () => (dead ? Promise.reject(fault('timeout')) : void prints++),
    });
    const h2 = await startHall({ printerUri: 'tcp://192.0.2.9:9100', connectPrinter: connect, clock: lost.now, timers: lost });
    try {
      const s = await h2.socket({ role: 'display' });
      const printed = async (id: string) => {
        await new Promise((res) => s.emit('ticket:watch', id, res));
        return eventually(s, 'ticket:printed', (p) => p.ticketId === id);
      };
      const take = async () => (await h2.request('POST', '/api/tickets', { serviceId: 'forestry' })).body;
      expect(await printed((await take()).id)).toMatchObject({ ok: false, message: '打印机没有响应' });
      // Not asked again for 5 s, or each ticket would wait out the timeout in turn:
      // meanwhile tickets fail at once, even though the printer is back.
      dead = false;
      expect(await printed((await take()).id)).toMatchObject({ ok: false, message: '打印机没有响应' });
      expect(prints).toBe(0);
      lost.advance(5_100);
      expect(await printed((await take()).id)).toMatchObject({ ok: true });
      expect(prints).toBe(1);
    } finally {
      await h2.close();
    }
  });
});

describe('choosing the printer (admin)', () => {
  it('validates the address and applies it live', async () => {
    const admin = await h.signIn('admin');
    const sup = await h.signIn('supervisor');
    expect((await h.request('PUT', '/api/settings/printer', { uri: 'tcp://10.0.0.5:9100', paperWidth: 58 }, sup)).status).toBe(403);
    const bad = await h.request('PUT', '/api/settings/printer', { uri: 'lpt1', paperWidth: 80 }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_printer');
    expect((await h.request('PUT', '/api/settings/printer', { uri: emu.uri, paperWidth: 57 }, admin)).status).toBe(400);
    // PRINTER from the environment wins over the settings; the paper width still applies.
    const ok = await h.request('PUT', '/api/settings/printer', { uri: 'tcp://10.0.0.5:9100', paperWidth: 58 }, admin);
    expect(ok.body).toMatchObject({ source: 'env', name: emu.uri, paperWidth: 58 });
    expect((await h.request('GET', '/api/audit', undefined, admin)).body[0]).toMatchObject({ action: '修改打印机', target: 'tcp://10.0.0.5:9100', detail: expect.stringContaining('58 毫米') });
    const job = nextJob();
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'social' })).body;
    const printed = await job;
    expect(printed.text).toContain(t.number);
    expect(printed.items.some((i) => i.kind === 'text' && i.text === t.number && i.size === 3)).toBe(true); // 58 mm: 3× number
  });
});

describe('without a printer', () => {
  it('answers print off and reprint 409', async () => {
    const plain = await startHall();
    try {
      const t = (await plain.request('POST', '/api/tickets', { serviceId: 'social' })).body;
      expect(t.print).toBe('off');
      const clerk = await plain.signIn('clerk1', '1');
      expect((await plain.request('POST', `/api/tickets/${t.id}/reprint`, undefined, clerk)).body.error.code).toBe('no_printer');
      const s = await plain.socket({ role: 'display' });
      expect(await eventually(s, 'printer:status')).toMatchObject({ configured: false, state: 'off' });
      void nextEvent;
    } finally {
      await plain.close();
    }
  });
});
