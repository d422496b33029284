import { describe, expect, it } from 'vitest';
import { LAB_REGISTRATION_ADDRESS } from './lab-spec.ts';
import {
  isOurRegistrationProxy,
  procNetAddress,
  registrationProxyArgs,
} from './registration-proxy-process.ts';

describe('the registration load balancer process', () => {
  it('writes addresses as /proc/net/tcp does', () => {
    expect(procNetAddress('172.31.250.1', 3142)).toBe('01FA1FAC:0C46');
    expect(procNetAddress(LAB_REGISTRATION_ADDRESS, 9345)).toBe('0AFA1FAC:2481');
  });

  it('recognises its own command line and nothing else', () => {
    const args = registrationProxyArgs(['172.31.250.11', '172.31.250.12']);
    expect(isOurRegistrationProxy(['/usr/bin/node', ...args])).toBe(true);
    expect(args).toContain('--backends=172.31.250.11,172.31.250.12');
    expect(isOurRegistrationProxy(['/usr/bin/node', '/elsewhere/bin/rigger.js', ...args.slice(1)])).toBe(
      false,
    );
    expect(isOurRegistrationProxy(['/usr/bin/node', ...args.slice(0, 3)])).toBe(false);
  });
});
