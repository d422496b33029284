import { filesProbe, parseFiles } from '../../hosts/file-facts.ts';
import { fileChange } from '../change.ts';
import { TaskSkip, type Task } from '../task.ts';

export const NM_CONF = '/etc/NetworkManager/conf.d/rke2-cilium.conf';

/** NetworkManager must leave Cilium's interfaces alone, or it fights the CNI for them. */
export const networkManager: Task = {
  id: 'network-manager',
  title: 'NetworkManager leaves Cilium interfaces alone',
  probes: () => [
    {
      id: 'nm:state',
      script:
        'if [ -d /etc/NetworkManager ]; then systemctl is-active NetworkManager || true; else echo absent; fi',
    },
    filesProbe('files:nm', [NM_CONF]),
  ],
  plan: ({ facts }) => {
    const state = facts.get('nm:state').trim();
    if (state === 'absent') throw new TaskSkip('NetworkManager is not installed');
    const change = fileChange(
      {
        path: NM_CONF,
        content:
          '# Managed by rigger.\n[keyfile]\nunmanaged-devices=interface-name:cilium*;interface-name:lxc*\n',
        mode: 0o644,
        then: state === 'active' ? ['systemctl reload NetworkManager'] : [],
      },
      parseFiles(facts.get('files:nm')).get(NM_CONF),
    );
    return change ? [change] : [];
  },
};
