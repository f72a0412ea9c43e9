import { describe, expect, it } from 'vitest';
import { paths, urlOf } from './paths.ts';
import { routes } from './routes.ts';

describe('urlOf', () => {
  it('fills path parameters escaped, and sends the rest of a POST as its body', () => {
    expect(urlOf('complete', { counterId: 'a/b c', outcome: 'refused', note: '不予受理' })).toEqual({ url: '/api/counters/a%2Fb%20c/complete', rest: { outcome: 'refused', note: '不予受理' } });
    expect(urlOf('next', { counterId: '3' })).toEqual({ url: '/api/counters/3/next', rest: {} });
    expect(urlOf('saveUser', { id: 'new', username: 'x' })).toEqual({ url: '/api/settings/users/new', rest: { username: 'x' } });
  });

  it('puts the rest of a GET or DELETE in the query, leaving out what is not set', () => {
    expect(urlOf('stats', { from: '2026-01-01', to: undefined })).toEqual({ url: '/api/stats?from=2026-01-01', rest: {} });
    expect(urlOf('stats', {})).toEqual({ url: '/api/stats', rest: {} });
    expect(urlOf('exportCsv', { kind: 'appraisal', quarter: '2026Q4' }).url).toBe('/api/reports/export.csv?kind=appraisal&quarter=2026Q4');
    expect(urlOf('announce', { number: 'A012', counterId: '窗口 1&2' }).url).toBe('/api/announce.wav?number=A012&counterId=%E7%AA%97%E5%8F%A3%201%262');
    expect(urlOf('removeService', { id: 'x' })).toEqual({ url: '/api/settings/services/x', rest: {} });
  });
});

describe('the route table', () => {
  it('declares a schema for every path parameter, and only those', () => {
    for (const [name, { path }] of Object.entries(paths)) {
      const inPath = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      const def = routes[name as keyof typeof routes] as { params?: { shape: object } };
      expect([name, Object.keys(def.params?.shape ?? {}).sort()]).toEqual([name, inPath]);
    }
  });

  it('has one route per method and path', () => {
    const keys = Object.values(paths).map((p) => `${p.method} ${p.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
