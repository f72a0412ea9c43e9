// 分流交办: the ticket goes to another business's queue with its number and place.
import { useState } from 'preact/hooks';
import type { ServiceView, StaffTicket } from '../shared/types.ts';
import { Modal } from './Modal.tsx';

interface Props {
  ticket: StaffTicket;
  services: ServiceView[];
  onTransfer: (serviceId: string) => void;
  onClose: () => void;
}

export function TransferDialog({ ticket, services, onTransfer, onClose }: Props) {
  const targets = services.filter((s) => s.id !== ticket.serviceId);
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <Modal
      title={`转办 ${ticket.number} 号（当前：${ticket.serviceName}）`}
      onClose={onClose}
      onSubmit={() => (to ? onTransfer(to) : setError('请选择要转去的业务'))}
      actions={
        <button type="submit" class="btn btn-primary">
          确认转办
        </button>
      }
    >
      <p class="modal-note">转办后保留原号 {ticket.number} 和原取号时间，在新业务的队列中按原位置等候；本人作为首问记录在案。</p>
      <fieldset class="choices choices-grid">
        <legend>转到哪项业务</legend>
        {targets.map((s, i) => (
          <label key={s.id} class={`choice choice-service${to === s.id ? ' is-on' : ''}`}>
            <input type="radio" name="transfer-to" value={s.id} checked={to === s.id} onChange={() => setTo(s.id)} autoFocus={i === 0} />
            <span class="choice-name">{s.name}</span>
            <span class="choice-sub">
              排队 {s.waiting} 人 · {s.counters.length ? s.counters.join('、') : '暂无窗口办理'}
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="msg msg-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
