/**
 * A request body as `application/x-www-form-urlencoded`, which a source or
 * connector asks for with that `content-type` header, in the bracket
 * notation Apollo uses (and Stripe, Twilio and PHP read): `{ a: { b: [1] } }`
 * is `a[b][0]=1`; null is an empty value.
 */
export function formBody(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const form = new URLSearchParams();
  const add = (prefix: string, each: unknown): void => {
    if (Array.isArray(each)) each.forEach((item, index) => add(`${prefix}[${index}]`, item));
    else if (each !== null && typeof each === 'object') for (const [key, item] of Object.entries(each)) add(prefix ? `${prefix}[${key}]` : key, item);
    else form.append(prefix, each === null || each === undefined ? '' : String(each));
  };
  add('', value);
  return form.toString();
}
