// Reading a request body with a hard size cap, whatever Content-Length claims (or when it is
// missing, as with chunked uploads).

export class BodyTooLargeError extends Error {}

/** The body's bytes; throws BodyTooLargeError as soon as more than `max` bytes have arrived. */
export async function readBodyCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new BodyTooLargeError(`body larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Content-Length as a number, or null when absent or malformed. */
export function declaredLength(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}
