// A county center in miniature for tests (unit and end-to-end): the ingest wire of
// shared/county/wire.ts and nothing else. It stores each line once by (hall, s),
// refuses a batch that does not start where it expects (409 seq_mismatch), takes a
// baseline when it holds nothing, and hands out its unanswered 督办 notices. Its
// `mode` makes it misbehave: down (500), hang (never answers), garbage (200 with
// nonsense), lost (stores the batch, then answers garbage: the reply is lost).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ingestBody, type NoticeOut, type ShipLine } from '../../shared/county/wire.ts';

export type CountyMode = 'ok' | 'down' | 'hang' | 'garbage' | 'lost';

interface HallRecord {
  key: string;
  baseline: { seq: number; data: Record<string, unknown> } | null;
  lines: Map<number, ShipLine>;
  last: number | null;
}

export class FakeCounty {
  mode: CountyMode = 'ok';
  readonly halls = new Map<string, HallRecord>();
  readonly notices = new Map<string, NoticeOut & { hallId: string; answer?: string }>();
  /** Every request's body that parsed, in order (with the county's clock when it came). */
  readonly requests: { at: number; body: ReturnType<typeof ingestBody.parse> }[] = [];
  /** Lines offered again after being stored: the hall's retries, refused as mismatches. */
  duplicates = 0;
  private server: Server | null = null;
  private hanging: express.Response[] = [];
  url = '';

  constructor(private readonly clock: () => number = Date.now) {}

  addHall(hallId: string, key: string): void {
    this.halls.set(hallId, { key, baseline: null, lines: new Map(), last: null });
  }

  sendNotice(hallId: string, id: string, text: string): void {
    this.notices.set(id, { id, hallId, text, sentAt: '2026-12-07T10:00:00+08:00' });
  }

  /** Lines held for a hall, in order. */
  held(hallId: string): ShipLine[] {
    return [...(this.halls.get(hallId)?.lines.values() ?? [])].sort((a, b) => a.s - b.s);
  }

  async start(port = 0): Promise<string> {
    const app = express();
    app.use(express.json({ limit: '4mb' }));
    app.post('/api/county/ingest', (req, res) => {
      if (this.mode === 'hang') return void this.hanging.push(res);
      if (this.mode === 'down') return void res.status(500).json({ error: { code: 'down', message: 'down' } });
      if (this.mode === 'garbage') return void res.status(200).type('text/html').send('<html>portal login</html>');
      const parsed = ingestBody.safeParse(req.body);
      if (!parsed.success) return void res.status(400).json({ error: { code: 'invalid_request', message: parsed.error.message } });
      const body = parsed.data;
      const hall = this.halls.get(body.hallId);
      if (!hall || req.headers.authorization !== `Bearer ${hall.key}`) return void res.status(401).json({ error: { code: 'unauthorized', message: 'bad key' } });
      this.requests.push({ at: this.clock(), body });
      if (hall.last === null) {
        if (!body.baseline) return void res.status(409).json({ error: { code: 'seq_mismatch', message: 'baseline needed', expected: null } });
        hall.baseline = body.baseline;
        hall.last = body.baseline.seq;
      } else if (body.lines.length > 0 && body.lines[0]!.s !== hall.last + 1) {
        if (body.lines[0]!.s <= hall.last) this.duplicates++;
        return void res.status(409).json({ error: { code: 'seq_mismatch', message: 'resume', expected: hall.last + 1 } });
      }
      for (const line of body.lines) {
        if (line.s !== hall.last + 1) return void res.status(400).json({ error: { code: 'gap', message: 'lines not contiguous' } });
        hall.lines.set(line.s, line as ShipLine); // the real county checks each fact (center/facts.ts); this double only stores them
        hall.last = line.s;
        for (const f of line.f as ShipLine['f']) {
          if (f.type === 'NoticeAnswered') {
            const n = this.notices.get(String(f.noticeId));
            if (n) n.answer = String(f.answer);
          }
        }
      }
      if (this.mode === 'lost') return void res.status(200).send('{"oops":');
      const notices = [...this.notices.values()].filter((n) => n.hallId === body.hallId && n.answer === undefined).map(({ id, text, sentAt }) => ({ id, text, sentAt }));
      res.json({ lastSeq: hall.last, notices });
    });
    this.server = createServer(app);
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging = [];
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }
}
