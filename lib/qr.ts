// QR codes of story addresses, drawn on the server as inline SVG (the `qrcode` library), so the
// code is part of the cached page and readers download no script for it.
import QRCode from "qrcode";

/** What the code says to screen readers and as its tooltip. */
export const QR_LABEL = "手机扫码阅读";

/**
 * An <svg> of `url`'s QR code (error correction M: readable from a printed page or a screen at an
 * angle), labelled for assistive technology. The library's output is markup it built from the
 * code's modules only (two <path> elements); the URL's text is not in it.
 */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#1f2328ff", light: "#ffffffff" },
  });
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${QR_LABEL}" focusable="false" `);
}
