// 监察看板: every hall at a glance, for a wall screen or a desk. The county's totals on
// top, then one card per hall, halls that need the county's eye first (figures.ts).
// Everything comes from the socket's pushes (useCounty.ts): nothing polls.
import { useState } from 'preact/hooks';
import type { HallSummary } from '../../shared/county/types.ts';
import type { TabProps } from '../tabs.ts';
import { attention, commonSuffix, dayText, duration, emptyWindows, windowList, lastHeard, percent, skewText, sortHalls, stateOf, totals, type SortMode } from './figures.ts';
import './board.css';

const SORT_KEY = 'county.board.sort';
const VIEW_KEY = 'county.board.view';
type View = 'cards' | 'tiles';

export function Board({ halls, go }: TabProps) {
  const [mode, setMode] = useState<SortMode>(() => (localStorage.getItem(SORT_KEY) === 'name' ? 'name' : 'attention'));
  // 卡片: every figure of a hall; 总览: one line per hall, so a wall shows a whole county of 200.
  const [view, setView] = useState<View>(() => (localStorage.getItem(VIEW_KEY) === 'tiles' ? 'tiles' : 'cards'));
  const chooseView = (v: View) => {
    localStorage.setItem(VIEW_KEY, v);
    setView(v);
  };
  const choose = (m: SortMode) => {
    localStorage.setItem(SORT_KEY, m);
    setMode(m);
  };
  if (!halls) return <p class="loading">正在连接县中心…</p>;
  const t = totals(halls);
  const suffix = commonSuffix(halls.map((h) => h.name));
  return (
    <div class="board">
      <div class="board-top">
        <dl class="board-totals" aria-label="全县合计">
          <Total label="大厅在线" value={`${t.online}/${t.halls}`} bad={t.online < t.halls} />
          <Total label="正在等候" value={t.waiting} unit="人" />
          <Total label="今日取号" value={t.taken} />
          <Total label="已办结" value={t.served} />
          <Total label="未到" value={t.noShows} />
          <Total label="满意率" value={percent(t.satisfiedRate)} />
          <Total label="空岗窗口" value={t.emptyWindows} warn={t.emptyWindows > 0} />
          <Total label="未处理预警" value={t.warnings} bad={t.warnings > 0} />
          <Total label="督办未回复" value={t.notices} bad={t.notices > 0} />
        </dl>
        <div class="board-tools">
          <div class="seg" role="group" aria-label="显示">
            <button type="button" aria-pressed={view === 'cards'} onClick={() => chooseView('cards')}>
              卡片
            </button>
            <button type="button" aria-pressed={view === 'tiles'} onClick={() => chooseView('tiles')}>
              总览
            </button>
          </div>
          <div class="seg" role="group" aria-label="排序">
            <button type="button" aria-pressed={mode === 'attention'} onClick={() => choose('attention')}>
              需关注在前
            </button>
            <button type="button" aria-pressed={mode === 'name'} onClick={() => choose('name')}>
              按名称
            </button>
          </div>
          <button type="button" class="ghost" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}>
            全屏
          </button>
        </div>
      </div>
      {halls.length === 0 ? (
        <p class="board-empty">还没有登记大厅。管理员可在“大厅登记”中登记乡镇大厅，并把编号和密钥交给大厅管理员。</p>
      ) : (
        <>
          {suffix && (
            <p class="board-caption">
              各乡镇{suffix}（以下名称均省略“{suffix}”）
            </p>
          )}
          {view === 'tiles' ? (
            <>
              <p class="board-legend" aria-hidden="true">
                <span class="tile-key tile-online">在线</span>
                <span class="tile-key tile-gap">有人等候而窗口空岗</span>
                <span class="tile-key tile-alarm">预警 / 督办未回复</span>
                <span class="tile-key tile-offline">离线</span>
                <span class="tile-key tile-never">未接入 / 已停用</span>
                <span>数字：正在等候人数</span>
              </p>
              <ul class="board-tiles" aria-label="各乡镇大厅">
                {sortHalls(halls, mode).map((h) => (
                  <HallTile key={h.id} h={h} short={suffix ? h.name.slice(0, h.name.length - suffix.length) : h.name} />
                ))}
              </ul>
            </>
          ) : (
            <ul class="board-grid" aria-label="各乡镇大厅">
              {sortHalls(halls, mode).map((h) => (
                <HallCard key={h.id} h={h} go={go} short={suffix ? h.name.slice(0, h.name.length - suffix.length) : h.name} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function Total({ label, value, unit, bad, warn }: { label: string; value: string | number; unit?: string; bad?: boolean; warn?: boolean }) {
  return (
    <div class={`board-total${bad ? ' is-bad' : warn ? ' is-warn' : ''}`}>
      <dt>{label}</dt>
      <dd>
        {value}
        {unit && <small>{unit}</small>}
      </dd>
    </div>
  );
}

function HallCard({ h, short, go }: { h: HallSummary; short: string; go: TabProps['go'] }) {
  const state = stateOf(h);
  const empty = emptyWindows(h);
  const windows = h.windows ?? [];
  const heard = lastHeard(h);
  const d = h.today;
  return (
    <li class={`hall hall-${state}`} data-hall={h.id} aria-label={h.name}>
      <div class="hall-head">
        <h3 class="hall-name" title={h.hallName && h.hallName !== h.name ? `${h.name}（大厅设置中的名称：${h.hallName}）` : h.name}>
          {short}
        </h3>
        <Status h={h} />
      </div>
      {d ? (
        <>
          <div class="hall-main">
            <Fig label="等候" value={d.waiting} unit="人" hot={d.waiting >= 20} />
            <Fig label="最长等候" value={Math.round(h.longestWaitMin ?? 0)} unit="分" hot={(h.longestWaitMin ?? 0) >= 30} />
            <Fig label="满意率" value={percent(h.satisfiedRate)} hot={typeof h.satisfiedRate === 'number' && h.satisfiedRate < 0.9} />
          </div>
          <p class="hall-day">
            取号 <b>{d.taken}</b> · 办结 <b>{d.served}</b> · 未到 <b>{d.noShows}</b>
            {d.ratings > 0 && (
              <>
                {' '}
                · 评价 <b>{d.ratings}</b>
                {d.badRatings > 0 && <span class="hall-bad">（差评 {d.badRatings}）</span>}
              </>
            )}
          </p>
          {windows.length > 0 && (
            <p class={`hall-windows${empty.length && d.waiting ? ' is-gap' : ''}`}>
              <span>
                在岗 <b>{windows.length - empty.length}</b>/{windows.length}
              </span>
              {empty.length > 0 && empty.length < windows.length && <span class="hall-gaps">空岗：{windowList(empty.map((w) => w.name))}</span>}
              {empty.length === windows.length && <span class="hall-gaps">全部空岗</span>}
            </p>
          )}
        </>
      ) : (
        <p class="hall-nodata">{state === 'never' ? '尚未接入：大厅还没有发来数据' : '暂无当日数据'}</p>
      )}
      <Flags h={h} heard={heard} go={go} />
    </li>
  );
}

/** One line of 总览: the hall's name, its waiting count, its state as the tile's colour and a word. */
function HallTile({ h, short }: { h: HallSummary; short: string }) {
  const state = stateOf(h);
  const level = attention(h);
  const kind = state === 'online' ? (level === 1 ? 'alarm' : level === 2 ? 'gap' : 'online') : state === 'offline' ? 'offline' : 'never';
  const why =
    state === 'offline'
      ? `离线${duration(h.silentMin ?? 0).replace(/ /g, '')}`
      : state === 'never'
        ? '未接入'
        : state === 'revoked'
          ? '已停用'
          : h.openWarnings > 0
            ? `预警${h.openWarnings}`
            : (h.openNotices ?? 0) > 0
              ? `督办${h.openNotices}`
              : kind === 'gap'
                ? `空岗${emptyWindows(h).length}`
                : '';
  return (
    <li class={`tile tile-${kind}`} data-hall={h.id} aria-label={`${h.name}${why ? `，${why}` : ''}${h.today ? `，等候 ${h.today.waiting} 人` : ''}`} title={h.name}>
      <span class="tile-name">{short}</span>
      {why && <span class="tile-why">{why}</span>}
      <span class="tile-wait">{h.today ? h.today.waiting : '—'}</span>
    </li>
  );
}

function Status({ h }: { h: HallSummary }) {
  const state = stateOf(h);
  if (state === 'online') return <span class="hall-state state-online">在线</span>;
  if (state === 'revoked') return <span class="hall-state state-off">已停用</span>;
  if (state === 'never') return <span class="hall-state state-off">未接入</span>;
  return <span class="hall-state state-offline">离线 {duration(h.silentMin ?? 0)}</span>;
}

function Fig({ label, value, unit, hot }: { label: string; value: string | number; unit?: string; hot?: boolean }) {
  return (
    <div class={`hall-fig${hot ? ' is-hot' : ''}`} data-fig={label}>
      <span class="hall-fig-label">{label}</span>
      <span class="hall-fig-value">
        {value}
        {unit && <small>{unit}</small>}
      </span>
    </div>
  );
}

/** The hall's flags; its warnings and unanswered 督办 open their tabs on this hall. */
function Flags({ h, heard, go }: { h: HallSummary; heard: string | null; go: TabProps['go'] }) {
  const state = stateOf(h);
  const flags = [];
  if (h.openWarnings > 0)
    flags.push(
      <button key="w" type="button" class="flag flag-bad flag-link" onClick={() => go('warnings', h.id)}>
        预警 {h.openWarnings}
      </button>,
    );
  if ((h.openNotices ?? 0) > 0)
    flags.push(
      <button key="n" type="button" class="flag flag-bad flag-link" onClick={() => go('notices', h.id)}>
        督办未回复 {h.openNotices}
        {typeof h.oldestNoticeMin === 'number' && `（最久 ${duration(h.oldestNoticeMin)}）`}
      </button>,
    );
  if (typeof h.skewMin === 'number' && h.skewMin !== 0) flags.push(<span key="s" class="flag flag-warn">时钟偏差：{skewText(h.skewMin)}</span>);
  if (h.today && h.countyDay && h.today.day !== h.countyDay) flags.push(<span key="d" class="flag flag-warn">大厅日期 {dayText(h.today.day)}</span>);
  if (state === 'offline' && heard) flags.push(<span key="t" class="flag flag-plain">数据截至 {heard}</span>);
  else if (state !== 'online' && heard) flags.push(<span key="t" class="flag flag-plain">最后联系 {heard}</span>);
  if (!flags.length) return null;
  return <p class="hall-flags">{flags}</p>;
}
