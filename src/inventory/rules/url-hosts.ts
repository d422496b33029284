import type { FieldPath } from '../field-path.ts';
import { isIpv4Lookalike } from '../ip-range.ts';
import { error, type Rule } from './rule.ts';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Every string of the inventory that is written as a URL, with its path; Helm values are the chart's. */
function urls(value: unknown, path: FieldPath, out: { path: FieldPath; url: string }[]): void {
  if (typeof value === 'string') {
    if (URL_LIKE.test(value)) out.push({ path, url: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => urls(v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'values') urls(v, [...path, k], out);
  }
}

/** The host as written: WHATWG's URL parser would rewrite `http://1.2.3` to 1.2.0.3, Go's keeps it. */
const HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#[\]]*)/i;

/**
 * A URL's host is an address or a DNS name, as a bare address field is: the schema's `uri` format
 * takes `https://10.0.0.300`, which Go's S3 and Helm clients look up as a name and Node's URL
 * parser refuses (or reads `1.2.3` as 1.2.0.3). Checked on every URL field (chart repositories,
 * S3 endpoints, registry mirrors), whichever the schema adds.
 */
export const urlHosts: Rule = ({ inventory }) => {
  const found: { path: FieldPath; url: string }[] = [];
  urls(inventory, [], found);
  return found.flatMap(({ path, url }) => {
    const host = HOST.exec(url)?.[1] ?? '';
    return isIpv4Lookalike(host)
      ? [
          error(
            path,
            `host "${host}" looks like an IPv4 address but is not one, and a DNS name does not end in a number`,
          ),
        ]
      : [];
  });
};
