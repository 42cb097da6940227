// SPDY/3 header blocks: zlib with the protocol's fixed dictionary on the way in, stored deflate blocks on the way out.
import { constants, inflateSync } from 'node:zlib';

/** The header names the SPDY/3 dictionary lists, each prefixed by its length (SPDY/3 §2.6.10.1). */
const dictionaryWords = [
  'options',
  'head',
  'post',
  'put',
  'delete',
  'trace',
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'age',
  'allow',
  'authorization',
  'cache-control',
  'connection',
  'content-base',
  'content-encoding',
  'content-language',
  'content-length',
  'content-location',
  'content-md5',
  'content-range',
  'content-type',
  'date',
  'etag',
  'expect',
  'expires',
  'from',
  'host',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'pragma',
  'proxy-authenticate',
  'proxy-authorization',
  'range',
  'referer',
  'retry-after',
  'server',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'vary',
  'via',
  'warning',
  'www-authenticate',
  'method',
  'get',
  'status',
  '200 OK',
  'version',
  'HTTP/1.1',
  'url',
  'public',
  'set-cookie',
  'keep-alive',
  'origin',
];

/** The dictionary's unprefixed tail: status codes, reason phrases, dates and common values. */
const dictionaryTail =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505' +
  '203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request' +
  '401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented' +
  '503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 ' +
  'Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,' +
  'application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=' +
  'gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** The SPDY/3 header compression dictionary. */
export const spdyDictionary = Buffer.concat([
  ...dictionaryWords.map(lengthPrefixed),
  Buffer.from(dictionaryTail, 'latin1'),
]);

/** Parses a decompressed header block: a count, then length-prefixed names and values. */
function parseBlock(block: Buffer): Map<string, string> {
  const headers = new Map<string, string>();
  const count = block.readUInt32BE(0);
  let at = 4;
  const next = (): string => {
    const length = block.readUInt32BE(at);
    const text = block.toString('latin1', at + 4, at + 4 + length);
    at += 4 + length;
    return text;
  };
  for (let i = 0; i < count; i += 1) {
    const name = next();
    headers.set(name.toLowerCase(), next());
  }
  return headers;
}

/** Decompresses the peer's header blocks, which share one zlib stream per connection. */
export class HeaderReader {
  #compressed: Buffer = Buffer.alloc(0);
  #produced = 0;

  /** The headers of the next block. Re-inflates the whole stream: blocks are few and small. */
  read(block: Buffer): Map<string, string> {
    this.#compressed = Buffer.concat([this.#compressed, block]);
    const all = inflateSync(this.#compressed, {
      dictionary: spdyDictionary,
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    const fresh = all.subarray(this.#produced);
    this.#produced = all.length;
    return parseBlock(fresh);
  }
}

/** An empty stored block: the sync-flush marker that makes an inflater hand over what it has. */
const syncFlush = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);

/** Compresses our header blocks as stored deflate blocks in one zlib stream (no dictionary needed). */
export class HeaderWriter {
  #hasStarted = false;

  /** The compressed block for `headers`. */
  write(headers: ReadonlyMap<string, string>): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(headers.size);
    const parts: Buffer[] = [count];
    for (const [name, value] of headers) parts.push(lengthPrefixed(name), lengthPrefixed(value));
    const raw = Buffer.concat(parts);
    const stored = Buffer.alloc(5);
    stored.writeUInt8(0, 0);
    stored.writeUInt16LE(raw.length, 1);
    stored.writeUInt16LE(~raw.length & 0xffff, 3);
    const zlibHeader = this.#hasStarted ? [] : [Buffer.from([0x78, 0x01])];
    this.#hasStarted = true;
    return Buffer.concat([...zlibHeader, stored, raw, syncFlush]);
  }
}
