// GET /api/guide.wav: a kiosk screen read aloud by the server's voice, for kiosks whose
// browser has no Chinese voice. The server puts the words together from the hall; a
// page can only name the screen and the business or ticket on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from './harness.ts';

let h: Harness;
const rendered: string[] = [];
beforeAll(async () => {
  h = await startHall({
    voice: {
      render: async (text) => {
        rendered.push(text);
        return Buffer.from(`RIFF${text}`);
      },
    },
  });
});
afterAll(() => h.close());

const get = (q: string) => fetch(`${h.url}/api/guide.wav?${q}`);

describe('the kiosk read aloud by the server', () => {
  it('reads a ticket as the kiosk shows it, the number digit by digit', async () => {
    await h.request('POST', '/api/tickets', { serviceId: 'social' });
    const t = await h.request('POST', '/api/tickets', { serviceId: 'social' });
    expect(t.status).toBe(201);
    const res = await get(`screen=ticket&ticket=${t.body.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const number = t.body.number as string;
    const spoken = `您的号码是 ${number[0]}${[...number.slice(1)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}，前面还有 1 人。`;
    expect(rendered.at(-1)).toContain(spoken);
    expect(await res.text()).toContain(spoken);
  });

  it('reads the businesses, and a business with its materials', async () => {
    expect((await get('screen=start')).status).toBe(200);
    expect(rendered.at(-1)).toMatch(/^请点您要办的事。A，社保劳保；B，/);
    expect((await get('screen=materials&service=social')).status).toBe(200);
    expect(rendered.at(-1)).toMatch(/^社保劳保。请带好这些材料：第1，/);
    expect((await get('screen=comment')).status).toBe(200);
    expect(rendered.at(-1)).toContain('意见簿');
  });

  it('never reads text sent to it, and says plainly what it does not know', async () => {
    const before = rendered.length;
    expect((await get('screen=anything&text=%E9%AA%82%E4%BA%BA')).status).toBe(400);
    const ignored = await get('screen=comment&text=%E9%AA%82%E4%BA%BA');
    expect(ignored.status).toBe(200);
    expect(rendered.at(-1)).not.toContain('骂人');
    expect((await get('screen=ticket&ticket=nope')).status).toBe(404);
    expect((await get('screen=materials&service=__proto__')).status).toBe(404);
    expect((await get('screen=ticket')).status).toBe(404);
    expect(rendered.length).toBe(before + 1);
  });
});
