/**
 * A request body already serialised as JSON, with its size: built ahead of the send (a prepared
 * notification) so the moment a group is due costs no `JSON.stringify`. `postJson` sends it as is.
 *
 * @example
 * const body = new JsonBody(payload); // later: postJson(url, body, signal)
 */
export class JsonBody {
  readonly text: string;
  readonly bytes: number;

  constructor(value: unknown) {
    this.text = JSON.stringify(value);
    this.bytes = Buffer.byteLength(this.text);
  }
}
