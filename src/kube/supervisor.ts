/**
 * RKE2's supervisor (port 9345) answers `/ping` without authentication: the cheapest proof that an
 * RKE2 server, and so a cluster, exists behind an address.
 */
import { request } from 'node:https';

export const SUPERVISOR_PORT = 9345;

/** Whether `https://<address>:9345/ping` answers `pong` within the timeout. */
export function supervisorAnswers(address: string, timeoutMs = 3000): Promise<boolean> {
  const host = address.includes(':') ? `[${address}]` : address;
  return new Promise((resolve) => {
    // Only the answer matters here, not who signed the certificate: nothing secret is sent.
    const req = request(
      `https://${host}:${SUPERVISOR_PORT}/ping`,
      { rejectUnauthorized: false, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'pong'));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}
