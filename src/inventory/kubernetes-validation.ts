/**
 * Kubernetes' own checks of names, label keys and values and taints, ported so that an inventory
 * is refused with the API server's words before any host is touched (not by a kubelet that
 * crash-loops on a node half-way through a run).
 *
 * Sources (kubernetes/kubernetes, staging/src/k8s.io/apimachinery):
 * - pkg/api/validate/content/dns.go: IsDNS1123Label, IsDNS1123Subdomain;
 * - pkg/api/validate/content/kube.go: IsLabelKey (= validation.IsQualifiedName), IsLabelValue
 *   (= validation.IsValidLabelValue);
 * - pkg/util/validation/validation.go: MaxLenError, RegexError, EmptyError (the message texts).
 * Every function returns the API server's error strings; none means valid.
 */

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;

const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const LABEL_KEY = new RegExp(`^${LABEL_KEY_FMT}$`);
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);

const DNS1123_LABEL_MAX = 63;
const DNS1123_SUBDOMAIN_MAX = 253;
const LABEL_KEY_NAME_MAX = 63;
const LABEL_VALUE_MAX = 63;

const LABEL_KEY_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Go's len(): bytes, not UTF-16 units, so a limit is the same one the API server applies. */
const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

export const maxLenError = (length: number): string => `must be no more than ${length} characters`;

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  // Go's loop writes "', " then " or ": two spaces, kept so messages read as kubectl shows them.
  const eg = examples.map((e) => `'${e}', `).join(' or ');
  return `${msg} (e.g. ${eg}regex used for validation is '${fmt}')`;
}

/** The length limit and the shape, each with its own message, as every check here has them. */
function lengthAndShape(value: string, max: number, shape: RegExp, shapeError: () => string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > max) errs.push(maxLenError(max));
  if (!shape.test(value)) errs.push(shapeError());
  return errs;
}

/** A DNS label (RFC 1123): namespaces, and names that also become host names. */
export function isDns1123Label(value: string): string[] {
  // A valid subdomain that is not a label can only be wrong for its dots (length is checked).
  return lengthAndShape(value, DNS1123_LABEL_MAX, DNS1123_LABEL, () =>
    DNS1123_SUBDOMAIN.test(value)
      ? 'must not contain dots'
      : regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL_FMT,
          'my-name',
          '123-abc',
        ),
  );
}

/** A DNS subdomain (RFC 1123): the names of most objects (Node, StorageClass, IngressClass...). */
export function isDns1123Subdomain(value: string): string[] {
  return lengthAndShape(value, DNS1123_SUBDOMAIN_MAX, DNS1123_SUBDOMAIN, () =>
    regexError(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      DNS1123_SUBDOMAIN_FMT,
      'example.com',
    ),
  );
}

/** A label key or taint key ("qualified name"): an optional DNS subdomain prefix and '/', a name. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  const [prefix, name = ''] = parts.length === 2 ? parts : [undefined, parts[0] ?? ''];
  if (prefix === '') errs.push('prefix part must be non-empty');
  else if (prefix !== undefined) errs.push(...isDns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  if (name === '') errs.push('name part must be non-empty');
  else if (byteLength(name) > LABEL_KEY_NAME_MAX) errs.push(`name part ${maxLenError(LABEL_KEY_NAME_MAX)}`);
  if (!LABEL_KEY.test(name)) {
    errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

/** A label value or taint value: empty, or at most 63 characters shaped like a label key's name. */
export function isValidLabelValue(value: string): string[] {
  return lengthAndShape(value, LABEL_VALUE_MAX, LABEL_VALUE, () =>
    regexError(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      LABEL_VALUE_FMT,
      'MyValue',
      'my_value',
      '12345',
    ),
  );
}
