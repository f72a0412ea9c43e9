// GET /api/announce.wav: the call read aloud by the server (fallback voice); GET
// /api/guide.wav: a kiosk screen read aloud, in words the server puts together itself.
import { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { guideFor, spokenGuide } from '../../shared/guide.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import type { Voice } from '../voice.ts';
import { routesOn } from './route.ts';

export type { Voice };

export function voiceRoutes(hall: Hall, queries: Queries, voice: Voice | null): Router {
  const r = Router();
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
    const text = await hall.read((d) => guideFor(d, hall.now(), q));
    if (text === null) throw new HallError('unknown_guide', 404, '没有这项业务或这个号');
    // The words follow the queue: never cached by the browser (the voice keeps its own cache by text).
    res.type('audio/wav').set('Cache-Control', 'no-store').send(await voice.render(spokenGuide(text)));
  });
  return r;
}
