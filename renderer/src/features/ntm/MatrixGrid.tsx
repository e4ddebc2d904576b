import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NTM_LEVEL_LABELS } from '../../../../core/contract/index';
import type { IndexedRow } from './matrixFilter';
import { ASSESSMENT_STATUS, CRITERION_STATUS, statusOfLetter } from './statusStyle';

export type MatrixGridProps = {
  criteria: { no: number; name: string }[];
  rows: IndexedRow[];
  onOpenCommune: (unitCode: string) => void;
  onOpenCriterion: (no: number) => void;
  height: number | string;
};

/* Fixed geometry: virtualisation needs a known row height. */
const ROW_H = 30;
const HEAD_H = 36;
const NAME_W = 250;
const MET_W = 56;
const STATUS_W = 112;
const OVERSCAN = 8;

const border = '1px solid #dee2e6';

/*
 * Focus must be visible on the cells (keyboard users move a focused cell with the arrows), and printing keeps
 * the status backgrounds. Inline so the feature needs no stylesheet import.
 */
const CELL_CSS = `
.ntm-matrix-cell:focus { outline: 2px solid #1c7ed6; outline-offset: -2px; }
.ntm-matrix-cell:hover { filter: brightness(0.95); }
@media print { .ntm-matrix-cell { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/**
 * Communes × criteria with hand-made row virtualisation: only the rows in view (plus OVERSCAN above and below)
 * are in the DOM, between two spacers that keep the scroll height honest, so a province of 3,321 communes
 * scrolls like 40. Header row and name column are sticky. Keyboard: arrows, Page Up/Down, Home/End,
 * Ctrl+Home/End move the focused cell (roving tabindex); Enter opens the commune.
 */
export function MatrixGrid({ criteria, rows, onOpenCommune, onOpenCriterion, height }: MatrixGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [firstRow, setFirstRow] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const wantFocus = useRef(false);
  const cellW = criteria.length > 12 ? 32 : 48;
  const totalW = NAME_W + MET_W + criteria.length * cellW + STATUS_W;
  const lastCol = criteria.length; // 0 = name, 1..n = criteria

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    setViewport(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  // A new filter can leave the focus past the end.
  const row = Math.min(focus.row, Math.max(rows.length - 1, 0));
  const col = Math.min(focus.col, lastCol);

  useEffect(() => {
    if (!wantFocus.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${row}-${col}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = false;
    }
  }, [row, col, firstRow]);

  const visibleRows = Math.ceil(viewport / ROW_H);
  const start = Math.max(0, firstRow - OVERSCAN);
  const end = Math.min(rows.length, firstRow + visibleRows + OVERSCAN);

  const onScroll = () => {
    const el = scroller.current!;
    const next = Math.floor(el.scrollTop / ROW_H);
    if (next !== firstRow) setFirstRow(next);
  };

  const moveTo = (r: number, c: number) => {
    const el = scroller.current!;
    const nr = Math.max(0, Math.min(rows.length - 1, r));
    const nc = Math.max(0, Math.min(lastCol, c));
    const top = nr * ROW_H;
    const bodyH = el.clientHeight - HEAD_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H > el.scrollTop + bodyH) el.scrollTop = top + ROW_H - bodyH;
    if (nc > 0) {
      const left = NAME_W + MET_W + (nc - 1) * cellW;
      if (left - NAME_W - MET_W < el.scrollLeft) el.scrollLeft = left - NAME_W - MET_W;
      else if (left + cellW > el.scrollLeft + el.clientWidth) el.scrollLeft = left + cellW - el.clientWidth;
    } else el.scrollLeft = 0;
    setFirstRow(Math.floor(el.scrollTop / ROW_H));
    wantFocus.current = true;
    setFocus({ row: nr, col: nc });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.dataset.cell) return;
    const page = Math.max(1, visibleRows - 2);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(row + 1, col);
        break;
      case 'ArrowUp':
        moveTo(row - 1, col);
        break;
      case 'ArrowRight':
        moveTo(row, col + 1);
        break;
      case 'ArrowLeft':
        moveTo(row, col - 1);
        break;
      case 'PageDown':
        moveTo(row + page, col);
        break;
      case 'PageUp':
        moveTo(row - page, col);
        break;
      case 'Home':
        moveTo(e.ctrlKey ? 0 : row, 0);
        break;
      case 'End':
        moveTo(e.ctrlKey ? rows.length - 1 : row, lastCol);
        break;
      case 'Enter': {
        const r = rows[row];
        if (r) onOpenCommune(r.unitCode);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const stickyName = { position: 'sticky' as const, left: 0, zIndex: 1, background: 'white' };

  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      role="grid"
      aria-label="Ma trận xã × tiêu chí"
      aria-rowcount={rows.length + 1}
      aria-colcount={criteria.length + 3}
      data-testid="ntm-matrix"
      style={{ height, overflow: 'auto', border, borderRadius: 6, position: 'relative', fontSize: 13, contain: 'strict' }}
    >
      <style>{CELL_CSS}</style>
      <div style={{ width: totalW, position: 'relative' }}>
        <div role="row" aria-rowindex={1} style={{ display: 'flex', height: HEAD_H, position: 'sticky', top: 0, zIndex: 3, background: '#f8f9fa', borderBottom: border }}>
          <div role="columnheader" style={{ ...stickyName, zIndex: 4, background: '#f8f9fa', width: NAME_W, flex: 'none', padding: '0 8px', display: 'flex', alignItems: 'center', fontWeight: 600, borderRight: border }}>
            Xã ({rows.length.toLocaleString('vi-VN')})
          </div>
          <div role="columnheader" title="Số tiêu chí đạt" style={{ width: MET_W, flex: 'none', display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, borderRight: border }}>
            Đạt
          </div>
          {criteria.map((c) => (
            <div key={c.no} role="columnheader" style={{ width: cellW, flex: 'none', borderRight: '1px solid #f1f3f5' }}>
              <button
                type="button"
                title={`Tiêu chí ${c.no}. ${c.name}`}
                aria-label={`Tiêu chí ${c.no}. ${c.name}: xem các xã`}
                onClick={() => onOpenCriterion(c.no)}
                data-testid={`matrix-criterion-${c.no}`}
                style={{ width: '100%', height: HEAD_H - 1, border: 0, background: 'transparent', cursor: 'pointer', fontWeight: 700, fontSize: 13, color: '#1c7ed6' }}
              >
                {c.no}
              </button>
            </div>
          ))}
          <div role="columnheader" style={{ width: STATUS_W, flex: 'none', display: 'flex', alignItems: 'center', padding: '0 8px', fontWeight: 600 }}>
            Kỳ đánh giá
          </div>
        </div>
        <div style={{ height: start * ROW_H }} aria-hidden />
        {rows.slice(start, end).map((r, k) => {
          const i = start + k;
          const assessed = r.assessmentStatus !== null;
          const status = ASSESSMENT_STATUS[r.assessmentStatus ?? 'none'];
          return (
            <div
              key={r.unitCode}
              role="row"
              aria-rowindex={i + 2}
              data-unit={r.unitCode}
              style={{ display: 'flex', height: ROW_H, borderBottom: '1px solid #f1f3f5', background: i % 2 ? '#fcfcfd' : 'white' }}
            >
              <div
                role="rowheader"
                tabIndex={i === row && col === 0 ? 0 : -1}
                data-cell={`${i}-0`}
                onClick={() => onOpenCommune(r.unitCode)}
                onFocus={() => (i !== row || col !== 0) && setFocus({ row: i, col: 0 })}
                title={`${r.name} (${r.unitCode})${r.level ? ` — ${NTM_LEVEL_LABELS[r.level]}` : ''}`}
                className="ntm-matrix-cell"
                style={{
                  ...stickyName,
                  background: i % 2 ? '#fcfcfd' : 'white',
                  width: NAME_W,
                  flex: 'none',
                  padding: '0 8px',
                  display: 'flex',
                  alignItems: 'center',
                  gap: 6,
                  borderRight: border,
                  cursor: 'pointer',
                  boxShadow: r.atRisk ? 'inset 3px 0 0 #e03131' : undefined,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                }}
              >
                {r.atRisk && (
                  <span role="img" aria-label="Nguy cơ bị thu hồi" title="Nguy cơ bị thu hồi quyết định công nhận" style={{ color: '#e03131' }}>
                    ⚠
                  </span>
                )}
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', color: assessed ? undefined : '#868e96' }}>{r.name}</span>
                {r.level && (
                  <span title={NTM_LEVEL_LABELS[r.level]} style={{ marginLeft: 'auto', fontSize: 10, color: '#2b8a3e', border: '1px solid #8ce99a', borderRadius: 3, padding: '0 3px' }}>
                    NTM
                  </span>
                )}
              </div>
              <div role="gridcell" style={{ width: MET_W, flex: 'none', display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, borderRight: border, color: assessed ? undefined : '#adb5bd' }}>
                {assessed ? `${r.metCount}/${criteria.length}` : '—'}
              </div>
              {criteria.map((c, j) => {
                const s = statusOfLetter(r.statuses[j] ?? '?');
                const style = CRITERION_STATUS[s];
                const focused = i === row && col === j + 1;
                return (
                  <div
                    key={c.no}
                    role="gridcell"
                    tabIndex={focused ? 0 : -1}
                    data-cell={`${i}-${j + 1}`}
                    aria-label={`${r.name}, tiêu chí ${c.no}: ${assessed ? style.label : 'chưa đánh giá'}`}
                    title={`${r.name} — Tiêu chí ${c.no}. ${c.name}: ${assessed ? style.label : 'chưa đánh giá'}`}
                    onClick={() => onOpenCommune(r.unitCode)}
                    onFocus={() => !focused && setFocus({ row: i, col: j + 1 })}
                    className="ntm-matrix-cell"
                    style={{
                      width: cellW,
                      flex: 'none',
                      display: 'flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      cursor: 'pointer',
                      borderRight: '1px solid #fff',
                      background: assessed ? style.bg : 'transparent',
                      color: assessed ? style.fg : '#ced4da',
                      fontWeight: 700,
                    }}
                  >
                    {assessed ? style.glyph : '·'}
                  </div>
                );
              })}
              <div role="gridcell" style={{ width: STATUS_W, flex: 'none', display: 'flex', alignItems: 'center', padding: '0 8px', fontSize: 12, color: `var(--mantine-color-${status.color}-7)` }}>
                {status.label}
              </div>
            </div>
          );
        })}
        <div style={{ height: (rows.length - end) * ROW_H }} aria-hidden />
      </div>
    </div>
  );
}
