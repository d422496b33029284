import { describe, expect, it } from 'vitest';
import { brief, editProd, loadText, problemsOf, prodText } from '../testing.ts';

describe('load balancing rule', () => {
  it('accepts ingress addresses inside their pools', () => {
    expect(problemsOf(prodText())).toEqual([]);
  });

  it('refuses an ingress address outside its pool', () => {
    const text = prodText().replace('loadBalancerIP: 10.20.0.225', 'loadBalancerIP: 10.20.0.250');
    expect(brief(problemsOf(text))).toEqual([
      '90 addons.ingressNginx.internal.loadBalancerIP: 10.20.0.250 is not inside pool "internal"',
    ]);
  });

  it('refuses an ingress address outside every pool when no pool is named', () => {
    const text = prodText().replace(
      '{ loadBalancerIP: 10.20.0.200, className: public, pool: public }',
      '{ loadBalancerIP: 10.20.0.220, className: public }',
    );
    expect(brief(problemsOf(text))).toEqual([
      '89 addons.ingressNginx.public.loadBalancerIP: 10.20.0.220 is not inside any MetalLB pool',
    ]);
  });

  it('refuses a pool reference that does not exist', () => {
    const text = prodText().replace('className: public, pool: public', 'className: public, pool: dmz');
    expect(brief(problemsOf(text))).toEqual([
      '89 addons.ingressNginx.public.pool: no MetalLB pool is named "dmz"',
    ]);
  });

  it('refuses two instances with the same class or address', () => {
    const text = prodText().replace('className: internal', 'className: public');
    expect(brief(problemsOf(text))).toEqual([
      '90 addons.ingressNginx.internal.className: className "public" is also public\'s',
    ]);
  });

  it('refuses the NGINX Ingress Controllers without MetalLB', () => {
    const text = editProd((d) => d.setIn(['addons', 'metallb', 'enabled'], false));
    expect(brief(problemsOf(text))).toEqual([
      '88 addons.ingressNginx.enabled: the NGINX Ingress Controllers take their addresses from MetalLB: enable addons.metallb',
    ]);
  });

  it('refuses malformed ranges: reversed, mixed families, not an address', () => {
    const reversed = prodText().replace('10.20.0.200-10.20.0.219', '10.20.0.219-10.20.0.200');
    expect(brief(problemsOf(reversed))).toContain(
      '83 addons.metallb.pools[0].addresses[0]: "10.20.0.219-10.20.0.200" starts after it ends',
    );
    const mixed = prodText().replace('10.20.0.200-10.20.0.219', '10.20.0.200-fd00::1');
    expect(brief(problemsOf(mixed))).toContain(
      '83 addons.metallb.pools[0].addresses[0]: "10.20.0.200-fd00::1" mixes IPv4 and IPv6',
    );
    const junk = prodText().replace('10.20.0.200-10.20.0.219', 'ten-eleven');
    expect(brief(problemsOf(junk))).toContain(
      '83 addons.metallb.pools[0].addresses[0]: "ten-eleven": "ten" is not an IP address',
    );
  });

  it('warns, without failing, when a pool lies outside every host subnet', () => {
    const text = prodText()
      .replace('10.20.0.224/28', '192.168.50.0/28')
      .replace('loadBalancerIP: 10.20.0.225', 'loadBalancerIP: 192.168.50.1');
    expect(brief(loadText(text).warnings)).toEqual([
      "85 addons.metallb.pools[1].addresses[0]: 192.168.50.0/28 is outside every host's subnet; L2 announcements will not reach it",
    ]);
  });
});
