// The TaskManagers registered with the cluster: slots, heap and heartbeats.
import {api} from '../lib/api.js';
import {h, fill, table, formatBytes, formatTime, link} from '../lib/dom.js';

export function mount(root) {
  const list = h('section', {id: 'taskmanager-list'});
  root.append(h('h1', null, 'TaskManagers'), list);
  return {
    async refresh() {
      const answer = await api.get('/taskmanagers');
      fill(list, table([
        ['Id', tm => link('#/taskmanagers/' + encodeURIComponent(tm.id), tm.id)],
        ['Address', tm => tm.address || tm.path || '–'],
        ['Slots', tm => tm['slots-number'] ?? tm.slotsNumber],
        ['Free slots', tm => tm['free-slots'] ?? tm.freeSlots],
        ['Heap used', tm => formatBytes(tm.memory && tm.memory['heap-used'])],
        ['Heap max', tm => formatBytes(tm.memory && tm.memory['heap-max'])],
        ['Last heartbeat', tm => formatTime(tm['last-heartbeat'] ?? tm.timeSinceLastHeartbeat)],
      ], answer.taskmanagers || [], {class: 'taskmanagers'}));
    },
  };
}
