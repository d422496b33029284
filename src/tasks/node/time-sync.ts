import { commandChange } from '../change.ts';
import { TaskSkip, type Task } from '../task.ts';

const SERVICES = ['chrony', 'chronyd', 'systemd-timesyncd', 'ntpsec', 'ntp'];

/** etcd and certificates need synchronized clocks: some time service must run. */
export const timeSync: Task = {
  id: 'time-sync',
  title: 'Time synchronization',
  probes: () => [
    {
      id: 'time:services',
      script: `for s in ${SERVICES.join(' ')}; do printf '%s %s\\n' "$s" "$(systemctl is-active "$s" 2>/dev/null || true)"; done`,
    },
  ],
  plan: ({ host, facts, hostFacts }) => {
    if (hostFacts.container !== 'none') {
      // A container cannot set the clock; it reads the machine's, which keeps time for it.
      throw new TaskSkip(`time comes from the container host (${hostFacts.container}); nothing to run here`);
    }
    const active = facts
      .get('time:services')
      .split('\n')
      .filter((l) => l.endsWith(' active'))
      .map((l) => l.split(' ')[0]);
    if (active.length > 0) return [];
    const install =
      host.os === 'ubuntu'
        ? 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd-timesyncd && '
        : ''; // Flatcar ships systemd-timesyncd
    return [
      commandChange(
        'enable and start systemd-timesyncd',
        `${install}systemctl enable --now systemd-timesyncd`,
      ),
    ];
  },
};
