import ipaddr from 'ipaddr.js';

/** A contiguous block of addresses of one family, as numbers, for overlap checks. */
export interface IpRange {
  family: 4 | 6;
  start: bigint;
  end: bigint;
  /** As the user wrote it. */
  text: string;
}

function toBigInt(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return addr.toByteArray().reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
}

function familyOf(addr: ipaddr.IPv4 | ipaddr.IPv6): 4 | 6 {
  return addr.kind() === 'ipv4' ? 4 : 6;
}

/**
 * An address as Go's net.ParseIP reads it, which is what RKE2, Kubernetes and MetalLB use: IPv4 in
 * four decimal parts without leading zeros, IPv6 without a zone. ipaddr.js alone also takes the
 * old inet_aton forms (`10.1`, `1.2.3`, octal `010.0.0.1`, hex), which those refuse or read
 * differently: a typo would pass here and fail on the cluster.
 */
function strictAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!text.includes(':'))
    return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : undefined;
  const embedded = text.slice(text.lastIndexOf(':') + 1);
  if (text.includes('%') || (embedded.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(embedded))) {
    return undefined;
  }
  return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : undefined;
}

/**
 * A host that ends in a number but is no IPv4 address (`10.0.0.300`, `1.2.3`): resolvers would
 * look it up as a name, and no DNS name ends in a number (the WHATWG URL parser's "ends in a
 * number" rule; the schema's `address` refuses the same).
 */
export function isIpv4Lookalike(host: string): boolean {
  return /(^|\.)[0-9]+\.?$/.test(host) && !ipaddr.IPv4.isValidFourPartDecimal(host);
}

/** A single address as a range of one, or undefined when `text` is not an IP (a DNS name). */
export function parseIp(text: string): IpRange | undefined {
  const addr = strictAddress(text);
  if (!addr) return undefined;
  const n = toBigInt(addr);
  return { family: familyOf(addr), start: n, end: n, text };
}

/** `10.42.0.0/16`: the whole block. Throws an Error with a readable message when malformed. */
export function parseCidr(text: string): IpRange {
  const [address = '', prefix = '', ...rest] = text.split('/');
  const addr = strictAddress(address);
  const width = addr && familyOf(addr) === 4 ? 32 : 128;
  const bits = /^(0|[1-9][0-9]*)$/.test(prefix) ? Number(prefix) : NaN;
  if (!addr || rest.length > 0 || !(bits <= width)) throw new Error(`"${text}" is not a valid CIDR`);
  const hostBits = BigInt(width - bits);
  const start = (toBigInt(addr) >> hostBits) << hostBits;
  if (start !== toBigInt(addr)) {
    throw new Error(
      `"${text}" has host bits set; the network is ${numberToText(start, familyOf(addr))}/${bits}`,
    );
  }
  return { family: familyOf(addr), start, end: start + (1n << hostBits) - 1n, text };
}

/** A MetalLB pool entry: `first-last` or a CIDR. Throws an Error with a readable message. */
export function parseRangeOrCidr(text: string): IpRange {
  if (text.includes('/')) return parseCidr(text);
  const parts = text.split('-').map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new Error(`"${text}" is neither a range "first-last" nor a CIDR`);
  }
  const first = parseIp(parts[0]);
  const last = parseIp(parts[1]);
  if (!first || !last) throw new Error(`"${text}": "${first ? parts[1] : parts[0]}" is not an IP address`);
  if (first.family !== last.family) throw new Error(`"${text}" mixes IPv4 and IPv6`);
  if (first.start > last.start) throw new Error(`"${text}" starts after it ends`);
  return { family: first.family, start: first.start, end: last.start, text };
}

export function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** The subnet of `address` with the given prefix length. */
export function subnetOf(address: IpRange, prefixLength: number): IpRange {
  const width = address.family === 4 ? 32 : 128;
  const hostBits = BigInt(Math.max(0, width - Math.min(prefixLength, width)));
  const start = (address.start >> hostBits) << hostBits;
  return {
    family: address.family,
    start,
    end: start + (1n << hostBits) - 1n,
    text: `${address.text}/${prefixLength}`,
  };
}

function numberToText(n: bigint, family: 4 | 6): string {
  const bytes: number[] = [];
  for (let i = 0; i < (family === 4 ? 4 : 16); i++) bytes.unshift(Number((n >> BigInt(8 * i)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}
