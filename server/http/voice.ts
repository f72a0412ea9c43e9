// GET /api/announce.wav: the call read aloud by the server (fallback voice); GET
// /api/guide.wav: a kiosk screen read aloud, in words the server puts together itself.
import type { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { spokenGuide } from '../../shared/guide.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import type { Voice } from '../voice.ts';
import { routesOn } from './route.ts';

export type { Voice };

/** Registers its routes on `r`, the one API router. */
export function voiceRoutes(r: Router, hall: Hall, queries: Queries, voice: Voice | null): void {
  const on = routesOn(r, hall);
  on('voice', () => ({ serverVoice: voice !== null }));
  on('announce', async ({ query: q }, _req, res) => {
    if (!voice) throw new HallError('voice_unavailable', 503, '服务器未安装中文语音（espeak-ng），请在叫号屏浏览器中安装中文语音');
    const text = await queries.spokenCall(q.counterId, q.number);
    if (text === null) throw new HallError('unknown_counter', 404, `没有 ${q.counterId} 号窗口`);
    res.type('audio/wav').set('Cache-Control', 'public, max-age=3600').send(await voice.render(text));
  });
  on('guide', async ({ query: q }, _req, res) => {
    if (!voice) throw new HallError('voice_unavailable', 503, '服务器未安装中文语音（espeak-ng）');
    const text = await queries.guide(q, hall.now());
    if (text === null) throw new HallError('unknown_guide', 404, '没有这项业务或这个号');
    // The words follow the queue: never cached by the browser (the voice keeps its own cache by text).
    res.type('audio/wav').set('Cache-Control', 'no-store').send(await voice.render(spokenGuide(text)));
  });
}
