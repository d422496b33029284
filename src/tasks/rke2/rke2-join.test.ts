import { describe, expect, it } from 'vitest';
import { Facts } from '../../hosts/probe.ts';
import { CONFIG_PROBE, SERVICE_PROBE } from './rke2-facts.ts';
import { joinServer } from './rke2-join.ts';
import { contextFor } from '../testing.ts';

const URL = 'https://10.20.0.10:9345';

/** A host's RKE2 facts: whether it holds etcd data and whether its config names a server. */
function rke2Facts(state: { data?: boolean; config?: string }): Record<string, string> {
  const config =
    state.config === undefined
      ? '/etc/rancher/rke2/config.yaml missing\n'
      : `/etc/rancher/rke2/config.yaml 600 root root\n${Buffer.from(state.config).toString('base64')}\n`;
  return {
    [SERVICE_PROBE]: `enabled=enabled\nactive=active\nsince=0\nconfig-mtime=0\n${state.data ? 'etcd-data=yes' : ''}`,
    [CONFIG_PROBE]: config,
  };
}

type State = Parameters<typeof rke2Facts>[0];

/** joinServer for `host`, with the fleet made of the given hosts' states. */
function decide(host: string, fleet: Record<string, State>, registrationAnswers = false): string | undefined {
  const facts = new Map(
    Object.entries(fleet).map(([name, s]) => [name, new Facts(name, new Map(Object.entries(rke2Facts(s))))]),
  );
  const ctx = contextFor(host, rke2Facts(fleet[host] ?? {}), undefined, {
    fleet: { facts, registrationAnswers },
  });
  return joinServer(ctx);
}

describe('who bootstraps and who joins', () => {
  const fresh = { 'cp-1': {}, 'cp-2': {}, 'cp-3': {}, 'worker-1': {} };

  it('on fresh hosts the first server reached bootstraps and every other node joins', () => {
    expect(decide('cp-1', fresh)).toBeUndefined();
    expect(decide('cp-2', fresh)).toBe(URL);
    expect(decide('cp-3', fresh)).toBe(URL);
    expect(decide('worker-1', fresh)).toBe(URL);
  });

  it('when the first server is not reached, the next one bootstraps', () => {
    const { 'cp-1': _unreached, ...rest } = fresh;
    expect(decide('cp-2', rest)).toBeUndefined();
    expect(decide('cp-3', rest)).toBe(URL);
  });

  it('a wiped first server joins the cluster the others still hold', () => {
    const wiped = { ...fresh, 'cp-2': { data: true, config: `server: ${URL}\n` }, 'cp-3': { data: true } };
    expect(decide('cp-1', wiped)).toBe(URL);
  });

  it('a wiped first server joins when only the registration address shows the cluster (hosts outside --limit)', () => {
    expect(decide('cp-1', { 'cp-1': {} }, true)).toBe(URL);
  });

  it('the founding server keeps its config without server:, the others keep theirs with it', () => {
    const converged = {
      'cp-1': { data: true, config: 'token: x\n' },
      'cp-2': { data: true, config: `server: ${URL}\n` },
      'cp-3': { data: true, config: `server: ${URL}\n` },
    };
    expect(decide('cp-1', converged, true)).toBeUndefined();
    expect(decide('cp-2', converged, true)).toBe(URL);
  });

  it('after a replacement the founder may be any server: the first listed one then joins like the rest', () => {
    const replaced = {
      'cp-1': { data: true, config: `server: ${URL}\n` },
      'cp-2': { data: true, config: 'token: x\n' },
      'cp-3': { data: true, config: `server: ${URL}\n` },
    };
    expect(decide('cp-1', replaced)).toBe(URL);
    expect(decide('cp-2', replaced)).toBeUndefined();
  });
});
