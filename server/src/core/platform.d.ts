/**
 * The globals the core uses beyond ECMAScript. Each is a web standard present in Node, browsers and
 * web workers alike, declared with only the members the core reads, so that `tsconfig.core.json`
 * (no Node, no DOM types) fails when the core starts to lean on anything else. The main
 * `tsconfig.json` leaves this file out: there Node's own declarations of the same globals apply.
 */

/** The WHATWG URL parser: the card makes a link clickable only if it parses as http(s) with a host. */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
}
